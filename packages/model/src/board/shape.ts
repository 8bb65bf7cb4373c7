import type * as Y from 'yjs';
import { META_KEY, schemaVersion } from '../schema/versioning.ts';
import { META_RECORD } from '../schema/board-records.ts';
import { readRecord } from '../schema/fields.ts';
import type { EventMarker, Severity } from './incident-terms.ts';

/**
 * The board document (`<id>/board`): everything every participant may write. Its records (meta, event, fishbone,
 * bone, factor, theme, placement) are declared in schema/board-records.ts.
 *
 * Presence (who is here, who edits what) is awareness state and never lives here.
 */
export const BOARD_SCHEMA_VERSION = 4;

export const BOARD_KEYS = {
  meta: META_KEY,
  events: 'events',
} as const;

export type EventMap = Y.Map<unknown>;

/** The fields of one timeline event, read as plain values. */
export interface TimelineEvent {
  id: string;
  at: string;
  what: string;
  known: string;
  marker: EventMarker | '';
  evidence: string;
  source: string;
  createdAt: number;
}

/** The incident facts the board shows in its header, and what kind of incident it was. */
export interface BoardMeta extends IncidentDetails {
  schemaVersion: number;
  title: string;
  incidentAt: string;
  summary: string;
}

/** Severity, who and what it touched, and for how long customers felt it: what /library filters by. */
export interface IncidentDetails {
  severity: Severity | '';
  services: string[];
  teams: string[];
  impactMinutes: number;
}

/** The board's metadata map. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_KEYS.meta);
}

/** The board's map of timeline events, keyed by event id. */
export function eventsMap(doc: Y.Doc): Y.Map<EventMap> {
  return doc.getMap<EventMap>(BOARD_KEYS.events);
}

/** Reads the board's metadata with defaults for missing fields. */
export function readMeta(doc: Y.Doc): BoardMeta {
  const { title, incidentAt, summary, severity, services, teams, impactMinutes } = readRecord(metaMap(doc), META_RECORD);
  return { schemaVersion: schemaVersion(doc), title, incidentAt, summary, severity, services, teams, impactMinutes };
}
