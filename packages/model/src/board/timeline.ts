import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { eventsMap, type EventMap, type TimelineEvent } from './shape.ts';
import type { EventMarker } from './incident-terms.ts';
import { sortEvents } from './sort.ts';
import { EVENT_RECORD } from '../schema/board-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';

/** The values a new event starts with; free text is plain here and becomes Y.Text in the document. */
export interface NewEvent {
  at: string;
  what?: string;
  known?: string;
  marker?: EventMarker | '';
  evidence?: string;
  /** Where it was imported from ('' when typed on the board). */
  source?: string;
}

/** The scalar fields that are replaced whole (free text is edited through its Y.Text instead). */
export type EventScalarPatch = Partial<Pick<TimelineEvent, 'at' | 'marker' | 'evidence'>>;

/** Free-text fields of an event, each a Y.Text so concurrent typing merges. */
export type EventTextField = 'what' | 'known';

/** Adds an event and returns its id; pass the same origin your UndoManager tracks. */
export function addEvent(doc: Y.Doc, input: NewEvent, origin: unknown = null, now = Date.now()): string {
  const id = newId();
  doc.transact(() => {
    const event: EventMap = new Y.Map();
    writeFields(event, EVENT_RECORD, {
      id,
      at: input.at,
      marker: input.marker ?? '',
      evidence: input.evidence ?? '',
      source: input.source ?? '',
      createdAt: now,
    });
    event.set('what', new Y.Text(input.what ?? ''));
    event.set('known', new Y.Text(input.known ?? ''));
    eventsMap(doc).set(id, event);
  }, origin);
  return id;
}

/** Replaces the given scalar fields of an event; does nothing if the event is gone. */
export function updateEvent(doc: Y.Doc, id: string, patch: EventScalarPatch, origin: unknown = null): void {
  const event = eventsMap(doc).get(id);
  if (!event) return;
  doc.transact(() => writeFields(event, EVENT_RECORD, patch), origin);
}

/** Deletes an event. */
export function deleteEvent(doc: Y.Doc, id: string, origin: unknown = null): void {
  if (!eventsMap(doc).has(id)) return;
  doc.transact(() => eventsMap(doc).delete(id), origin);
}

/** The Y.Text behind an event's free-text field, for live editing bindings. */
export function eventText(doc: Y.Doc, id: string, field: EventTextField): Y.Text | undefined {
  const value = eventsMap(doc).get(id)?.get(field);
  return value instanceof Y.Text ? value : undefined;
}

/** Reads one event map as plain values, as its declaration reads them (missing or malformed fields get defaults). */
export function readEvent(event: EventMap): TimelineEvent {
  return readRecord(event, EVENT_RECORD);
}

/** All events in timeline order. */
export function readTimeline(doc: Y.Doc): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  eventsMap(doc).forEach((event, key) => {
    if (event instanceof Y.Map) events.push({ ...readEvent(event), id: key });
  });
  return sortEvents(events);
}

/**
 * The timeline after a set of changes seen by a deep observer of the events map: only the events the changes
 * touched are read again, and every other event keeps its object. A keystroke then costs one event's read instead
 * of the whole timeline's, on every client that receives it. Adding or removing an event reads everything again.
 */
export function rereadTimeline(
  doc: Y.Doc,
  previous: readonly TimelineEvent[],
  changes: readonly Y.YEvent<Y.AbstractType<unknown>>[],
): TimelineEvent[] {
  const events = eventsMap(doc);
  const touched = new Set<string>();
  for (const change of changes) {
    // The path runs from the observed map: its first step is the id of the event the change is inside.
    const [id] = change.path;
    if (change.target === events || typeof id !== 'string') return readTimeline(doc);
    touched.add(id);
  }
  let reread = 0;
  let moved = false;
  const next = previous.map((event) => {
    const map = touched.has(event.id) ? events.get(event.id) : undefined;
    if (!(map instanceof Y.Map)) return event;
    reread++;
    const fresh = { ...readEvent(map), id: event.id };
    if (fresh.at !== event.at || fresh.createdAt !== event.createdAt) moved = true;
    return fresh;
  });
  // A touched event that was not on the list (or is no longer a map): read it all, as readTimeline decides.
  if (reread !== touched.size) return readTimeline(doc);
  return moved ? sortEvents(next) : next;
}
