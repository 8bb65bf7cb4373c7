import type { EventMarker } from '../board/incident-terms.ts';

/** Minutes from the incident's start to the first event marked detection, mitigation and resolution (null: unmarked). */
export interface ResponseTimes {
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
}

export const RESPONSE_TIME_LABELS: Record<keyof ResponseTimes, string> = {
  detect: 'Time to detect',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

const MARKER_OF: Record<keyof ResponseTimes, EventMarker> = { detect: 'detection', mitigate: 'mitigation', resolve: 'resolution' };

/**
 * How long the response took, the way incident reviews measure it: from when the incident began (its start time,
 * else its first event) to the first event carrying each marker. A marked event written before the start counts as
 * at the start.
 */
export function responseTimes(incidentAt: string | null, timeline: readonly { at: string; marker: EventMarker | '' }[]): ResponseTimes {
  const times = timeline.map((e) => Date.parse(e.at)).filter((ms) => !Number.isNaN(ms));
  const declared = incidentAt ? Date.parse(incidentAt) : NaN;
  const start = Number.isNaN(declared) ? Math.min(...times) : declared;
  const minutesTo = (marker: EventMarker): number | null => {
    const first = Math.min(
      ...timeline
        .filter((e) => e.marker === marker)
        .map((e) => Date.parse(e.at))
        .filter((ms) => !Number.isNaN(ms)),
    );
    return Number.isFinite(first) && Number.isFinite(start) ? Math.max(0, Math.round((first - start) / 60_000)) : null;
  };
  return { detect: minutesTo(MARKER_OF.detect), mitigate: minutesTo(MARKER_OF.mitigate), resolve: minutesTo(MARKER_OF.resolve) };
}
