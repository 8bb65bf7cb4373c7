import type { ReportIndexEntry } from '../storage/storage.ts';

/** A report index entry for tests of what reads the index: an incident with its services and factor categories. */
export function indexEntry(id: string, incidentAt: string, services: string[], factorCategories: string[], severity = 'SEV2'): ReportIndexEntry {
  return {
    postmortemId: id,
    title: `Incident ${id}`,
    summary: '',
    incidentAt,
    publishedAt: incidentAt,
    version: 1,
    factorCategories,
    searchText: '',
    severity,
    services,
    teams: [],
    impactMinutes: 0,
    responseTimes: { detect: null, mitigate: null, resolve: null },
  };
}
