import { expect, it } from 'vitest';
import { quarterOf, responseMedians } from './response-medians.ts';

const none = { detect: null, mitigate: null, resolve: null };

it('takes the median minutes per quarter of the incidents that mark each moment, leaving unmarked quarters out', () => {
  const summary = responseMedians([
    { at: '2026-01-10T00:00:00Z', times: { detect: 10, mitigate: 40, resolve: 90 } },
    { at: '2026-02-10T00:00:00Z', times: { detect: 30, mitigate: null, resolve: 60 } },
    { at: '2026-03-31T23:00:00Z', times: { detect: 20, mitigate: 50, resolve: null } },
    { at: '2026-05-01T00:00:00Z', times: none },
    { at: '2026-07-01T00:00:00Z', times: { detect: 5, mitigate: null, resolve: 45 } },
    { at: '2026-08-01T00:00:00Z', times: { detect: 8, mitigate: null, resolve: 50 } },
  ]);
  expect(summary).toEqual({ quarters: ['2026-Q1', '2026-Q3'], detect: [20, 7], mitigate: [45, null], resolve: [75, 48] });
  expect(['2026-01-01', '2026-04-30', '2026-12-31'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q2', '2026-Q4']);
});
