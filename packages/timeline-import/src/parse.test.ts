import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { parseImport } from './parse.ts';
import { sample, slackExport } from './samples.ts';

describe('parseImport: what every format refuses', () => {
  it('refuses a file over the size limit before reading it', () => {
    const huge = 'x'.repeat(IMPORT_LIMITS.bytes + 1);
    expect(() => parseImport('text', huge)).toThrow('This file is 5.0 MB; an import reads at most 5.0 MB');
  });

  it('refuses more rows than the limit', () => {
    const lines = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `2026-03-08T05:${String(i % 60).padStart(2, '0')}:00Z line ${i}`);
    expect(() => parseImport('text', lines.join('\n'))).toThrow('This file has 2,001 rows; an import reads at most 2,000');
  });

  it('refuses empty, cut-off and wrong-format files, and unknown zones, naming each', () => {
    expect(() => parseImport('slack', '  ')).toThrow('The file is empty');
    expect(() => parseImport('pagerduty', sample('pagerduty-log-entries.json').slice(0, 500))).toThrow(
      /not a complete PagerDuty log JSON file \(it ends too early: was it cut off\?\)/,
    );
    expect(() => parseImport('opsgenie', slackExport())).toThrow('This looks like a Slack export, not an Opsgenie log');
    expect(() => parseImport('pagerduty', '{"incidents": []}')).toThrow(
      'This is not a PagerDuty incident log: expected a JSON list, or an object with a "log_entries" list',
    );
    expect(() => parseImport('text', '10:00 x', { timeZone: 'Mars/Olympus' })).toThrow('“Mars/Olympus” is not a time zone this import knows');
    expect(() => parseImport('pagerduty', '{"log_entries": []}')).toThrow('There is nothing to import in this PagerDuty log');
  });
});

describe('detectFormat', () => {
  it('recognises each sample', () => {
    expect(detectFormat(slackExport())).toBe('slack');
    expect(detectFormat(sample('slack-export/incident-checkout/2026-03-08.json'))).toBe('slack');
    expect(detectFormat(sample('pagerduty-log-entries.json'))).toBe('pagerduty');
    expect(detectFormat(sample('opsgenie-logs.json'))).toBe('opsgenie');
    expect(detectFormat(sample('incident-notes.csv'))).toBe('csv');
    expect(detectFormat(sample('chat.txt'))).toBe('text');
    expect(detectFormat(sample('syslog.txt'))).toBe('text');
  });
});
