import type { ResponseTimes } from '@debrief/model';
import type { LearningSummary } from '@debrief/protocol';

/** The quarter (YYYY-Qn) a day or time falls in. */
export const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * Median minutes to detect, mitigate and resolve per quarter, across the incidents whose timelines mark them: the
 * trend a team watches to see its response improve. Quarters with no marked incident are left out.
 */
export function responseMedians(incidents: readonly { at: string; times: ResponseTimes }[]): LearningSummary['responseTimes'] {
  const byQuarter = new Map<string, { detect: number[]; mitigate: number[]; resolve: number[] }>();
  for (const { at, times } of incidents) {
    if (times.detect === null && times.mitigate === null && times.resolve === null) continue;
    const quarter = quarterOf(at);
    const lists = byQuarter.get(quarter) ?? { detect: [], mitigate: [], resolve: [] };
    for (const key of ['detect', 'mitigate', 'resolve'] as const) {
      const minutes = times[key];
      if (minutes !== null) lists[key].push(minutes);
    }
    byQuarter.set(quarter, lists);
  }
  const quarters = [...byQuarter.keys()].sort();
  const medians = (key: 'detect' | 'mitigate' | 'resolve') => quarters.map((q) => median(byQuarter.get(q)![key]));
  return { quarters, detect: medians('detect'), mitigate: medians('mitigate'), resolve: medians('resolve') };
}
