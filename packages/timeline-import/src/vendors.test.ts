import { describe, expect, it } from 'vitest';
import { parseImport } from './parse.ts';
import { sample } from './samples.ts';

describe('PagerDuty log entries', () => {
  it('reads each entry: its summary (a note’s own words), the agent, the type, the markers it implies', () => {
    const { rows } = parseImport('pagerduty', sample('pagerduty-log-entries.json'));
    expect(rows.map((r) => [r.at, r.source, r.author, r.marker])).toEqual([
      ['2026-03-08T04:52:38.000Z', 'PagerDuty (trigger)', 'Prometheus Alertmanager', 'detection'],
      ['2026-03-08T04:52:41.000Z', 'PagerDuty (notify)', 'checkout-api', undefined],
      ['2026-03-08T04:55:20.000Z', 'PagerDuty (acknowledge)', 'Bob Okafor', undefined],
      ['2026-03-08T05:06:00.000Z', 'PagerDuty (annotate)', 'Bob Okafor', undefined],
      ['2026-03-08T05:08:00.000Z', 'PagerDuty (escalate)', 'Bob Okafor', undefined],
      ['2026-03-08T07:05:30.000Z', 'PagerDuty (resolve)', 'Alice Chen', 'resolution'],
    ]);
    expect(rows[3]?.text).toBe('Cause looks like the checkout-api 2.41 pool size change; rolling back.');
    expect(rows[0]?.notes).toEqual(['by an integration or service']);
  });

  it('takes a bare list too, and names an entry without a time', () => {
    const entries = JSON.parse(sample('pagerduty-log-entries.json')).log_entries;
    expect(parseImport('pagerduty', JSON.stringify(entries)).rows).toHaveLength(6);
    entries[2].created_at = 'yesterday';
    expect(() => parseImport('pagerduty', JSON.stringify(entries))).toThrow(
      'Log entry 3 of this PagerDuty log has no time (its "created_at" is "yesterday")',
    );
  });
});

describe('Opsgenie alert log', () => {
  it('reads createdAt, or the milliseconds of offset when it is missing; markers from the log’s words', () => {
    const { rows } = parseImport('opsgenie', sample('opsgenie-logs.json'));
    expect(rows.map((r) => [r.at, r.author, r.marker])).toEqual([
      ['2026-03-08T04:52:39.101Z', '', 'detection'],
      ['2026-03-08T04:52:42.220Z', 'bob.okafor@example.com', undefined],
      ['2026-03-08T04:55:21.000Z', 'bob.okafor@example.com', undefined],
      ['2026-03-08T05:06:02.500Z', 'bob.okafor@example.com', undefined],
      ['2026-03-08T07:05:31.000Z', 'alice.chen@example.com', 'resolution'],
    ]);
    expect(rows[3]?.text).toBe('[Bob Okafor] added note: rolling back checkout-api 2.41 <script>alert(1)</script>');
    expect(rows[0]?.source).toBe('Opsgenie (system)');
  });

  it('refuses an entry with neither time, naming it', () => {
    const log = JSON.parse(sample('opsgenie-logs.json'));
    delete log.data[1].createdAt;
    log.data[1].offset = 'x';
    expect(() => parseImport('opsgenie', JSON.stringify(log))).toThrow(
      'Log entry 2 of this Opsgenie log has no time (neither "createdAt" nor "offset")',
    );
  });
});
