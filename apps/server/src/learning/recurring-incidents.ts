import type { LearningSummary } from '@debrief/protocol';
import type { ReportIndexEntry } from '../storage/storage.ts';

const WINDOW_MS = 90 * 86_400_000;

type Incident = LearningSummary['recurring'][number]['incidents'][number];

/**
 * Incidents that came back: the same service and the same factor category again within 90 days. Each run of such
 * incidents (every one within 90 days of the one before) is one flag, newest first; a service or category is
 * compared without regard to case, and named as the latest report names it.
 */
export function recurringIncidents(index: readonly ReportIndexEntry[]): LearningSummary['recurring'] {
  const groups = new Map<string, { service: string; category: string; incidents: Incident[] }>();
  for (const entry of index) {
    const at = entry.incidentAt ?? entry.publishedAt;
    for (const service of new Set(entry.services)) {
      for (const category of new Set(entry.factorCategories.filter(Boolean))) {
        const key = `${service.toLowerCase()}\u0000${category.toLowerCase()}`;
        const group = groups.get(key) ?? { service, category, incidents: [] };
        group.incidents.push({ id: entry.postmortemId, title: entry.title, incidentAt: at });
        groups.set(key, group);
      }
    }
  }
  const flags: LearningSummary['recurring'] = [];
  for (const { service, category, incidents } of groups.values()) {
    const sorted = incidents.sort((a, b) => a.incidentAt.localeCompare(b.incidentAt));
    let run: Incident[] = [];
    const close = () => {
      if (run.length > 1) flags.push({ service, category, incidents: run });
      run = [];
    };
    for (const incident of sorted) {
      const last = run.at(-1);
      if (last && Date.parse(incident.incidentAt) - Date.parse(last.incidentAt) > WINDOW_MS) close();
      run.push(incident);
    }
    close();
  }
  return flags.sort((a, b) => b.incidents.at(-1)!.incidentAt.localeCompare(a.incidents.at(-1)!.incidentAt));
}
