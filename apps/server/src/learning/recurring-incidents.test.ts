import { expect, it } from 'vitest';
import { indexEntry } from '../testing/report-index-entry.ts';
import { recurringIncidents } from './recurring-incidents.ts';

it('flags the same service and category again within 90 days, one flag per run, newest first', () => {
  const flags = recurringIncidents([
    indexEntry('a', '2026-01-01T00:00:00Z', ['checkout-api'], ['Change management']),
    indexEntry('b', '2026-03-01T00:00:00Z', ['Checkout-API'], ['change management', 'Monitoring & detection']),
    indexEntry('c', '2026-05-15T00:00:00Z', ['checkout-api'], ['Change management']),
    // 91 days after c: a new run, which has only itself.
    indexEntry('d', '2026-08-14T00:00:00Z', ['checkout-api'], ['Change management']),
    // Same category, other service; same service, other category.
    indexEntry('e', '2026-01-05T00:00:00Z', ['payments-db'], ['Change management']),
    indexEntry('f', '2026-01-06T00:00:00Z', ['checkout-api'], ['Capacity']),
  ]);
  expect(flags).toEqual([
    { service: 'checkout-api', category: 'Change management', incidents: ['a', 'b', 'c'].map((id) => expect.objectContaining({ id })) },
  ]);
  expect(flags[0]?.incidents[1]).toEqual({ id: 'b', title: 'Incident b', incidentAt: '2026-03-01T00:00:00Z' });
});
