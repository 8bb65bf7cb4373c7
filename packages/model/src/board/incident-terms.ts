/**
 * The moments investigators mark on a timeline, in the order a response goes through them. The report measures
 * time to detect, to mitigate and to resolve from the incident's start to the first event with that marker.
 */
export const EVENT_MARKERS = ['detection', 'diagnosis', 'mitigation', 'resolution', 'decision'] as const;
export type EventMarker = (typeof EVENT_MARKERS)[number];

export const MARKER_LABELS: Record<EventMarker, string> = {
  detection: 'Detection',
  diagnosis: 'Diagnosis',
  mitigation: 'Mitigation',
  resolution: 'Resolution',
  decision: 'Key decision',
};

/** Incident severities, the worst first, as most on-call teams name them. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];
