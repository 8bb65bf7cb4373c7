import { describe, expect, it } from 'vitest';
import { isDateTime, isDay, plainText } from './export-values.ts';

describe('values written into exports', () => {
  it('drops every control character and turns every kind of line break into the given separator', () => {
    expect(plainText('a\r\nb\rc\nd\u2028e\u2029f\u0085g')).toBe('a b c d e f g');
    expect(plainText('a\r\nb\rc', '\\n')).toBe('a\\nb\\nc');
    expect(plainText('tab\there')).toBe('tab here');
    expect(plainText('nul\u0000 bell\u0007 esc\u001b del\u007f c1\u009b end')).toBe('nul bell esc del c1 end');
    expect(plainText('Ünïcödé — fine ✓')).toBe('Ünïcödé — fine ✓');
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isDay('2026-12-01')).toBe(true);
    for (const value of ['2026-01-01\r\nBEGIN:VEVENT', '2026-01-01\r', '2026-02-30', '2026-1-1', '20260101', '', 'tomorrow', 20260101, null]) {
      expect(isDay(value), String(value)).toBe(false);
    }
  });

  it('accepts only ISO date-times with a time zone', () => {
    expect(isDateTime('2026-11-01T14:02:00Z')).toBe(true);
    expect(isDateTime('2026-11-01T14:02:00.000+02:00')).toBe(true);
    for (const value of ['2026-11-01T14:02:00Z\n# Hacked', '[click](javascript:x)', '2026-11-01', '', null])
      expect(isDateTime(value), String(value)).toBe(false);
  });
});
