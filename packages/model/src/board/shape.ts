import type * as Y from 'yjs';
import { META_KEY, schemaVersion } from '../schema/versioning.ts';

/**
 * The board document (`<id>/board`): everything every participant may write.
 *
 *   meta:   Y.Map  { schemaVersion: number, title: string, incidentAt: string, summary: string }
 *   events: Y.Map<eventId, Y.Map>  each event:
 *           { id, at (ISO 8601, UTC), what: Y.Text, known: Y.Text, decision: boolean,
 *             evidence: string (http(s) URL or ''), createdAt: number (ms, tie-break) }
 *
 *   fishbone, categories, factors: the contributing-factor diagram (see fishbone.ts)
 *   themes, noteThemes: grouping of revealed notes (see themes.ts)
 *
 * Presence (who is here, who edits what) is awareness state and never lives here.
 */
export const BOARD_SCHEMA_VERSION = 2;

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
  decision: boolean;
  evidence: string;
  createdAt: number;
}

/** The incident facts the board shows in its header. */
export interface BoardMeta {
  schemaVersion: number;
  title: string;
  incidentAt: string;
  summary: string;
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
  const meta = metaMap(doc);
  const str = (key: string) => {
    const value = meta.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    schemaVersion: schemaVersion(doc),
    title: str('title'),
    incidentAt: str('incidentAt'),
    summary: str('summary'),
  };
}
