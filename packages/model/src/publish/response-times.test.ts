import { expect, it } from 'vitest';
import { responseTimes } from './response-times.ts';

const timeline = [
  { at: '2026-03-08T04:50:00.000Z', marker: '' as const },
  { at: '2026-03-08T04:52:38.000Z', marker: 'detection' as const },
  { at: '2026-03-08T05:12:00.000Z', marker: 'decision' as const },
  { at: '2026-03-08T05:19:30.000Z', marker: 'mitigation' as const },
  { at: '2026-03-08T05:30:00.000Z', marker: 'mitigation' as const },
  { at: '2026-03-08T07:05:30.000Z', marker: 'resolution' as const },
];

it('measures from the incident start to the first event with each marker, in whole minutes', () => {
  expect(responseTimes('2026-03-08T04:30:00.000Z', timeline)).toEqual({ detect: 23, mitigate: 50, resolve: 156 });
});

it('starts at the first event when the incident has no start, and leaves unmarked moments out', () => {
  expect(responseTimes(null, timeline.slice(0, 3))).toEqual({ detect: 3, mitigate: null, resolve: null });
  expect(responseTimes('', [])).toEqual({ detect: null, mitigate: null, resolve: null });
  expect(responseTimes('2026-03-08T05:00:00.000Z', timeline)).toMatchObject({ detect: 0 });
});
