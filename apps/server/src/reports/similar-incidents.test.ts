import { expect, it } from 'vitest';
import { indexEntry } from '../testing/report-index-entry.ts';
import { similarIncidents } from './similar-incidents.ts';

it('lists published incidents sharing a service (counted twice) or a category, most alike first, never itself', () => {
  const index = [
    indexEntry('self', '2026-03-01T00:00:00Z', ['checkout-api'], ['Tooling']),
    indexEntry('category', '2026-02-01T00:00:00Z', ['search'], ['tooling']),
    indexEntry('service', '2026-01-01T00:00:00Z', ['Checkout-API'], []),
    indexEntry('both', '2025-12-01T00:00:00Z', ['checkout-api'], ['Tooling']),
    indexEntry('newer-category', '2026-02-15T00:00:00Z', ['mail'], ['Tooling']),
    indexEntry('unrelated', '2026-02-20T00:00:00Z', ['mail'], ['Capacity']),
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
