import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';
import { calendarUid, foldLine, icsText, toIcs } from './ics.ts';

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+1')).toBe(`"'-1+1"`);
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('iCalendar', () => {
  it('escapes text and folds long lines without splitting characters', () => {
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('writes one all-day event per due date', () => {
    const ics = toIcs(
      [{ uid: 'a1', date: '2026-12-01', summary: 'Add calendar; now', description: 'For: x', url: 'https://t.example/1' }],
      new Date('2026-11-29T10:00:00Z'),
    );
    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201\r\n');
    expect(ics).toContain('SUMMARY:Add calendar\\; now\r\n');
    expect(ics).toContain('DTSTAMP:20261129T100000Z\r\n');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });
});

describe('iCalendar from hostile values', () => {
  const stamp = new Date('2026-11-29T10:00:00Z');
  const entry = { uid: '0123456789abcdef-fedcba9876543210', date: '2026-12-01', summary: 'Fix it', description: 'Post-mortem: x' };
  /** Every line a calendar reads: unfolded, split only at CRLF. */
  const lines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');
  /** No CR or LF is left anywhere but in a CRLF line end, and no line starts a second event. */
  const expectOneEvent = (ics: string) => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(ics).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  };

  it('leaves out an entry whose due date is not YYYY-MM-DD, whatever it carries', () => {
    const forged = 'https://phish.example/login';
    for (const date of [
      `2026-01-01\r\nBEGIN:VEVENT\r\nSUMMARY:Reset your password\r\nURL:${forged}\r\nEND:VEVENT`,
      '2026-01-01\rBEGIN:VEVENT',
      '2026-01-01\nX',
      '2026-02-30',
      'soon',
    ]) {
      const ics = toIcs([entry, { ...entry, uid: 'aaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb', date }], stamp);
      expectOneEvent(ics);
      expect(ics).not.toContain('phish.example');
      expect(ics).not.toContain('aaaaaaaaaaaaaaaa');
    }
  });

  it('derives a safe, stable UID from an id of any other shape', () => {
    const ics = toIcs([{ ...entry, uid: '0123456789abcdef-x\r\nURL:https://phish.example\r\nBEGIN:VEVENT' }], stamp);
    expectOneEvent(ics);
    expect(ics).not.toContain('phish.example');
    const uid = lines(ics).find((line) => line.startsWith('UID:'))!;
    expect(uid).toMatch(/^UID:h[0-9a-f]{32}@debrief$/);
    expect(calendarUid('0123456789abcdef-x\r\nURL:https://phish.example\r\nBEGIN:VEVENT')).toBe(uid.slice(4, -8));
    expect(calendarUid('0123456789abcdef-published-3')).toBe('0123456789abcdef-published-3');
    expect(calendarUid('a\rb')).not.toBe(calendarUid('a\nb'));
  });

  it('writes only http(s) URLs, in their parsed form', () => {
    expect(toIcs([{ ...entry, url: 'javascript:alert(document.cookie)' }], stamp)).not.toMatch(/URL:|javascript/i);
    expect(toIcs([{ ...entry, url: 'data:text/html,x' }], stamp)).not.toContain('URL:');
    const ics = toIcs([{ ...entry, url: 'https://t.example/1\r\nBEGIN:VEVENT' }], stamp);
    expectOneEvent(ics);
    expect(lines(ics)).toContain('URL:https://t.example/1BEGIN:VEVENT');
  });

  it('strips every control character from text properties; line breaks of any kind become the escaped \\n', () => {
    const nasty = 'a\rBEGIN:VEVENT\u2028b\u2029c\u0085d\u0000e\u001bf\u007fg\u009bh\r\ni\nj';
    const ics = toIcs([{ ...entry, summary: nasty, description: nasty }], stamp);
    expectOneEvent(ics);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/); // eslint-disable-line no-control-regex -- the point of the test
    expect(lines(ics)).toContain('SUMMARY:a\\nBEGIN:VEVENT\\nb\\nc\\nd' + 'efgh\\ni\\nj');
  });
});

describe('CSV from hostile values', () => {
  it('drops control characters but keeps line breaks inside quotes, and still defuses formulas behind them', () => {
    expect(csvField('a\u0000b\u001bc\u007fd\u009be')).toBe('abcde');
    expect(csvField('one\rtwo\u2028three')).toBe('"one\ntwo\nthree"');
    expect(csvField('\u0000=HYPERLINK("https://phish.example")')).toBe(`"'=HYPERLINK(""https://phish.example"")"`);
  });
});
