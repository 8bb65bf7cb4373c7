import { describe, expect, it } from 'vitest';
import { firstEventsOfDay } from './days.ts';

describe('first events of a day', () => {
  it('marks the first event and each event on a later day than the one before', () => {
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();
    const events = [
      { id: 'a', at: at(1, 9) },
      { id: 'b', at: at(1, 23) },
      { id: 'c', at: at(2, 0) },
      { id: 'd', at: at(2, 5) },
      { id: 'e', at: at(4, 1) },
    ];
    expect([...firstEventsOfDay(events)]).toEqual(['a', 'c', 'e']);
    expect(firstEventsOfDay([]).size).toBe(0);
  });
});
