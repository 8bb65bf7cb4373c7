import type { SimilarIncident } from '@debrief/protocol';
import type { ReportIndexEntry } from '../storage/storage.ts';

/** What a post-mortem is about, as far as finding others like it goes. */
export interface IncidentProfile {
  id: string;
  services: readonly string[];
  /** Categories of its fishbone factors and its findings. */
  categories: readonly string[];
}

const folded = (names: readonly string[]) => new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean));
const shared = (mine: ReadonlySet<string>, theirs: readonly string[]) => [...new Set(theirs.filter((name) => mine.has(name.trim().toLowerCase())))];

/**
 * Published post-mortems that share a service or a factor category with this one, most alike first: a shared
 * service counts twice a shared category (the same system failing again says more than the same kind of cause),
 * then the most recent incident first. Its own published versions are left out.
 */
export function similarIncidents(profile: IncidentProfile, index: readonly ReportIndexEntry[], limit = 5): SimilarIncident[] {
  const services = folded(profile.services);
  const categories = folded(profile.categories);
  return index
    .filter((entry) => entry.postmortemId !== profile.id)
    .map((entry) => ({
      id: entry.postmortemId,
      title: entry.title,
      incidentAt: entry.incidentAt,
      severity: entry.severity,
      sharedServices: shared(services, entry.services),
      sharedCategories: shared(categories, entry.factorCategories),
    }))
    .filter((item) => item.sharedServices.length + item.sharedCategories.length > 0)
    .sort(
      (a, b) =>
        b.sharedServices.length * 2 + b.sharedCategories.length - (a.sharedServices.length * 2 + a.sharedCategories.length) ||
        (b.incidentAt ?? '').localeCompare(a.incidentAt ?? ''),
    )
    .slice(0, limit);
}
