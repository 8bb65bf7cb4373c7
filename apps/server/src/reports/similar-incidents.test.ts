import { expect, it } from 'vitest';
import type { ReportIndexEntry } from '../storage/storage.ts';
import { similarIncidents } from './similar-incidents.ts';

const entry = (id: string, incidentAt: string, services: string[], factorCategories: string[]): ReportIndexEntry => ({
  postmortemId: id,
  title: `Incident ${id}`,
  summary: '',
  incidentAt,
  publishedAt: incidentAt,
  version: 1,
  factorCategories,
  searchText: '',
  severity: 'SEV2',
  services,
  teams: [],
  impactMinutes: 0,
  responseTimes: { detect: null, mitigate: null, resolve: null },
});

it('lists published incidents sharing a service (counted twice) or a category, most alike first, never itself', () => {
  const index = [
    entry('self', '2026-03-01T00:00:00Z', ['checkout-api'], ['Tooling']),
    entry('category', '2026-02-01T00:00:00Z', ['search'], ['tooling']),
    entry('service', '2026-01-01T00:00:00Z', ['Checkout-API'], []),
    entry('both', '2025-12-01T00:00:00Z', ['checkout-api'], ['Tooling']),
    entry('newer-category', '2026-02-15T00:00:00Z', ['mail'], ['Tooling']),
    entry('unrelated', '2026-02-20T00:00:00Z', ['mail'], ['Capacity']),
  ];
  const similar = similarIncidents({ id: 'self', services: ['checkout-api'], categories: ['Tooling', ''] }, index);
  expect(similar.map((s) => s.id)).toEqual(['both', 'service', 'newer-category', 'category']);
  expect(similar[0]).toEqual({
    id: 'both',
    title: 'Incident both',
    incidentAt: '2025-12-01T00:00:00Z',
    severity: 'SEV2',
    sharedServices: ['checkout-api'],
    sharedCategories: ['Tooling'],
  });
  expect(similarIncidents({ id: 'self', services: [], categories: [] }, index)).toEqual([]);
});
