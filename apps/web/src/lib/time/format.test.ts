import { describe, expect, it } from 'vitest';
import { formatClock, formatEventTime, fromLocalInputValue, toLocalInputValue } from './format.ts';

describe('time formatting', () => {
  it('shows the instant in the given zone and names the zone', () => {
    const iso = '2026-11-01T14:02:00.000Z';
    expect(formatEventTime(iso, 'en-GB', 'Europe/Berlin')).toBe('1 Nov 2026, 15:02 CET');
    expect(formatEventTime(iso, 'en-US', 'America/New_York')).toMatch(/9:02\s?AM EST/);
    expect(formatClock(iso, 'en-GB', 'UTC')).toBe('14:02 UTC');
    expect(formatClock('2026-11-01T14:02:09.000Z', 'en-GB', 'UTC')).toBe('14:02:09 UTC');
    expect(formatEventTime('garbage')).toBe('No time set');
  });

  it('keeps each zone and locale apart although formatters are reused', () => {
    const iso = '2026-11-01T14:02:00.000Z';
    expect(formatClock(iso, 'en-GB', 'Europe/Berlin')).toBe('15:02 CET');
    expect(formatClock(iso, 'en-GB', 'Asia/Tokyo')).toMatch(/^23:02 /);
    expect(formatClock(iso, 'en-GB', 'Europe/Berlin')).toBe('15:02 CET');
    expect(formatEventTime(iso, 'de-DE', 'Europe/Berlin')).toMatch(/^1\. Nov\.? 2026/);
  });

  it('round-trips the datetime-local value through the viewer zone', () => {
    const iso = fromLocalInputValue('2026-11-01T14:02');
    expect(iso).not.toBeNull();
    expect(toLocalInputValue(iso!)).toBe('2026-11-01T14:02');
    expect(toLocalInputValue(fromLocalInputValue('2026-11-01T14:02:30')!)).toBe('2026-11-01T14:02:30');
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('2026-13-45T99:99')).toBeNull();
  });
});
