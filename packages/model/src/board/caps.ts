import * as Y from 'yjs';
import { CAPS } from '../limits.ts';
import { factorsMap } from './fishbone.ts';
import { eventsMap } from './shape.ts';

/** Whether the board can take another event / factor. */
export function canAdd(doc: Y.Doc, what: 'events' | 'factors'): boolean {
  return (what === 'events' ? eventsMap(doc).size : factorsMap(doc).size) < CAPS[what];
}

/** Entries beyond a cap, the most recently created first to go (ties broken by id, so every replica agrees). */
function excess(map: Y.Map<unknown>, cap: number): string[] {
  // The server asks after every change, so the common answer must not allocate: `_map` holds every key ever set
  // (removed ones too), so it is never smaller than `size`, which walks and copies all entries.
  if (map._map.size <= cap || map.size <= cap) return [];
  // Anything that is not an entry at all (a hostile client's value) goes first.
  const entries = [...map.entries()].map(([id, entry]) => ({
    id,
    createdAt: entry instanceof Y.Map ? Number(entry.get('createdAt') ?? 0) : Number.POSITIVE_INFINITY,
  }));
  entries.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt - b.createdAt));
  return entries.slice(cap).map((entry) => entry.id);
}

/**
 * Removes events and factors beyond the caps (what a client that ignores the UI's limits may have added); returns
 * how many went. The server runs it after every change from a client.
 */
export function trimToCaps(doc: Y.Doc, origin: unknown = null): number {
  const events = excess(eventsMap(doc) as unknown as Y.Map<unknown>, CAPS.events);
  const factors = excess(factorsMap(doc) as unknown as Y.Map<unknown>, CAPS.factors);
  if (events.length + factors.length === 0) return 0;
  doc.transact(() => {
    for (const id of events) eventsMap(doc).delete(id);
    for (const id of factors) factorsMap(doc).delete(id);
  }, origin);
  return events.length + factors.length;
}
