import { describe, expect, it } from 'vitest';
import { parseImport } from './parse.ts';
import { sample } from './samples.ts';

describe('pasted text', () => {
  it('reads Slack copy-paste: headers, continuation lines, a night rolling over, the clocks going back', () => {
    const { rows } = parseImport('text', sample('chat.txt'), { timeZone: 'Europe/London' });
    expect(rows.map((r) => [r.at, r.author, r.text])).toEqual([
      ['2026-10-24T22:48:00.000Z', 'Alice Chen', 'payments queue is backing up again, 40k messages'],
      ['2026-10-24T22:52:00.000Z', 'Bob Okafor', 'looking. consumer lag on eu-west only\n<script>alert("hostile text stays text")</script>'],
      ['2026-10-24T22:58:00.000Z', 'Bob Okafor', 'restarting the eu-west consumers'],
      ['2026-10-24T23:20:00.000Z', 'Alice Chen', 'lag is falling'],
      ['2026-10-25T00:30:00.000Z', 'cara', 'clocks go back tonight, the scheduler ran the drain job twice'],
      ['2026-10-25T00:45:00.000Z', 'bob', 'second drain job killed'],
    ]);
    expect(rows[4]?.notes).toEqual(['01:30 happened twice in Europe/London that day (the clocks went back); read as the first']);
    expect(rows[0]?.source).toBe('Slack (pasted)');
  });

  it('reads syslog in the chosen zone with the year of the chosen day', () => {
    const { rows } = parseImport('text', sample('syslog.txt'), { timeZone: 'UTC', date: '2026-03-08' });
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({
      at: '2026-03-08T04:52:33.000Z',
      author: 'postgres',
      source: 'syslog db-1',
      text: 'FATAL:  sorry, too many clients already',
    });
  });

  it('reads ISO 8601 lines with and without a zone, and times of day on the chosen date', () => {
    const text = '2026-03-08T04:52:38Z alert fired\n2026-03-08 00:55:00 acked (local)\n01:10 rolled back\n[01:12:30] <bob> watching\n';
    const { rows } = parseImport('text', text, { timeZone: 'America/New_York' });
    expect(rows.map((r) => [r.at, r.zoneless, r.author])).toEqual([
      ['2026-03-08T04:52:38.000Z', false, ''],
      ['2026-03-08T05:55:00.000Z', true, ''],
      ['2026-03-08T06:10:00.000Z', true, ''],
      ['2026-03-08T06:12:30.000Z', true, 'bob'],
    ]);
  });

  it('asks for a date for times without one, and says what it expected of text with no times', () => {
    expect(() => parseImport('text', '10:42 something broke')).toThrow('Line 1: this time has no date');
    expect(() => parseImport('text', 'hello\nworld')).toThrow('No line of this text starts with a time (2 lines read)');
    expect(() => parseImport('text', '25:10 nope', { date: '2026-03-08' })).toThrow('Line 1: “25:10” is not a time of day');
  });
});

describe('pasted text: markup', () => {
  it('keeps a tag at the start of a message as text, not as an IRC name', () => {
    const { rows } = parseImport('text', '2026-03-08T04:40:00Z <img src=x onerror="alert(1)"> hi\n2026-03-08T04:41:00Z <bob> ok');
    expect(rows.map((r) => [r.author, r.text])).toEqual([
      ['', '<img src=x onerror="alert(1)"> hi'],
      ['bob', 'ok'],
    ]);
  });
});
