import { describe, expect, it } from 'vitest';
import { parseImport } from './parse.ts';
import { sample } from './samples.ts';

describe('CSV', () => {
  it('guesses the columns, reads local times in the chosen zone across the spring-forward change', () => {
    const result = parseImport('csv', sample('incident-notes.csv'), { timeZone: 'America/New_York' });
    expect(result.columns).toEqual(['Time (local)', 'Who', 'What happened']);
    expect(result.chosenColumns).toEqual({ time: 'Time (local)', text: 'What happened', author: 'Who' });
    expect(result.rows.map((r) => r.at.slice(11, 19))).toEqual([
      '05:52:38',
      '05:55:00',
      '06:06:00',
      '06:12:00',
      '06:19:30',
      '06:34:00',
      '06:59:00',
      '07:30:00',
      '07:05:00',
    ]);
    expect(result.rows[4]?.text).toBe('Rollback finished.\nConnections dropping (310/500)');
    expect(result.rows[2]?.text).toContain('"max_connections" is 500');
    expect(result.rows[7]?.notes).toEqual(['02:30 did not happen in America/New_York that day (the clocks went forward); read as 03:30']);
    expect(result.rows.every((r) => r.zoneless && r.source === 'CSV')).toBe(true);
  });

  it('reads the columns chosen, and refuses one the file does not have', () => {
    const csv = 'when_utc,body,actor\n2026-03-08T05:00:00Z,first,a\n1772946000,second,b\n';
    const { rows } = parseImport('csv', csv, { columns: { time: 'when_utc', text: 'body' } });
    expect(rows.map((r) => [r.at, r.text, r.author, r.zoneless])).toEqual([
      ['2026-03-08T05:00:00.000Z', 'first', '', false],
      ['2026-03-08T05:00:00.000Z', 'second', '', false],
    ]);
    expect(() => parseImport('csv', csv, { columns: { time: 'when', text: 'body' } })).toThrow(
      'This CSV has no column “when” (its columns: when_utc, body, actor)',
    );
    expect(() => parseImport('csv', 'a,b\n1,2\n')).toThrow('Choose which columns hold the time and the text');
  });

  it('refuses a cut-off file, a row with a broken time, and a file that is not CSV', () => {
    expect(() => parseImport('csv', 'time,text\n2026-03-08T05:00:00Z,"never closed\n')).toThrow(
      /This CSV is broken at line 2: Quoted field unterminated \(was the file cut off\?\)/,
    );
    expect(() => parseImport('csv', 'time,text\n2026-03-08T05:00:00Z,a\nb,c,d\n')).toThrow('This CSV is broken at row 2: Too many fields');
    expect(() => parseImport('csv', 'time,text\n2026-03-08T05:00:00Z,ok\nyesterday,hmm\n')).toThrow(
      'Row 2: “yesterday” in “time” is not a time this import reads',
    );
    expect(() => parseImport('csv', 'time,text\n2026-02-30 10:00,no such day\n')).toThrow('Row 1: “2026-02-30 10:00”');
    expect(() => parseImport('csv', 'just some words\nmore words\n')).toThrow('This is not a CSV with a header row');
  });
});
