import { expect, it } from 'vitest';
import { readIndexEntry } from './projections.ts';
import type { ReportIndexEntry } from './storage.ts';

it('reads an index entry stored before incident details as having none', () => {
  const stored = {
    postmortemId: 'pm',
    title: 'Old',
    summary: '',
    incidentAt: null,
    publishedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    factorCategories: ['Tooling'],
    searchText: 'old',
  } as unknown as ReportIndexEntry;
  expect(readIndexEntry(stored)).toEqual({
    ...stored,
    severity: '',
    services: [],
    teams: [],
    impactMinutes: 0,
    responseTimes: { detect: null, mitigate: null, resolve: null },
  });
  const current = readIndexEntry({
    ...stored,
    severity: 'SEV1',
    services: ['api'],
    teams: [],
    impactMinutes: 5,
    responseTimes: { detect: 1, mitigate: null, resolve: 9 },
  });
  expect(current).toMatchObject({ severity: 'SEV1', services: ['api'], responseTimes: { detect: 1, mitigate: null, resolve: 9 } });
});
