import { describe, expect, it } from 'vitest';
import { parseImport } from './parse.ts';
import { sample, slackExport } from './samples.ts';

describe('Slack export', () => {
  it('reads both day files: threads under their parent, bots named, joins dropped, markup as text', () => {
    const { rows } = parseImport('slack', slackExport());
    expect(rows.map((r) => [r.at.slice(11, 19), r.author, r.replyTo])).toEqual([
      ['04:52:40', 'PagerDuty', undefined],
      ['04:55:31', 'Bob Okafor', undefined],
      ['04:58:10', 'Bob Okafor', undefined],
      ['05:01:12', 'Alice Chen', 2],
      ['05:03:00', 'Bob Okafor', 2],
      ['07:06:12', 'Bob Okafor', 2],
      ['05:10:45', 'Cara Lindqvist', undefined],
      ['05:12:03', 'Bob Okafor', undefined],
      ['05:19:30', 'Cara Lindqvist', undefined],
      ['05:34:00', 'Bob Okafor', undefined],
      ['07:05:00', 'Alice Chen', undefined],
      ['07:05:40', 'PagerDuty', undefined],
    ]);
    expect(rows[0]).toMatchObject({ text: 'Triggered #4821: Checkout error rate above 5% (checkout-api)', notes: ['from a bot'], source: 'Slack' });
    expect(rows[1]?.text).toBe('ack, looking. error rate on checkout is 12% & climbing');
    expect(rows[2]?.text).toBe(
      'payments-db connections are pinned at max (500/500) - see the pg dashboard (https://grafana.example.com/d/pg?from=now-1h)',
    );
    expect(rows[4]).toMatchObject({ text: 'yes: checkout-api 2.41 raised it from 50 to 200 per pod > 500 total', notes: ['edited at 05:04 UTC'] });
    expect(rows[6]?.text).toBe('@Bob Okafor I can roll back 2.41 - shall I?');
    expect(rows[7]?.text).toBe('yes, roll back. @here we are rolling back checkout-api to 2.40');
    expect(rows[9]?.text).toBe('error rate back under 1%');
    expect(rows.every((row, index) => row.index === index && !row.zoneless)).toBe(true);
  });

  it('reads one day file alone; a reply whose thread began the day before stands on its own', () => {
    const { rows } = parseImport('slack', sample('slack-export/incident-checkout/2026-03-08.json'));
    expect(rows).toHaveLength(7);
    const late = rows.find((r) => r.text.startsWith('late reply'));
    expect(late).toMatchObject({ replyTo: undefined, notes: ['a reply in a thread that started before this export'] });
  });

  it('names a message with no time, and a file of another vendor', () => {
    expect(() => parseImport('slack', '[{"type":"message","text":"hi"}]')).toThrow('Message 1 of this Slack export has no time (its "ts" is null)');
    expect(() => parseImport('slack', sample('pagerduty-log-entries.json'))).toThrow('This looks like a PagerDuty log, not a Slack export');
    expect(() => parseImport('slack', '{"a.json": {"ts": 1}}')).toThrow('“a.json” in this Slack export is not a list of messages');
  });
});
