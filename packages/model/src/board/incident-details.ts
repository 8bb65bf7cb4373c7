import * as Y from 'yjs';
import { LIMITS } from '../limits.ts';
import { META_RECORD } from '../schema/board-records.ts';
import { writeFields } from '../schema/fields.ts';
import type { Severity } from './incident-terms.ts';
import { metaMap } from './shape.ts';

/** The lists of names an incident keeps: services it affected, teams involved. */
export type IncidentTagList = 'services' | 'teams';

/** The longest name a list entry may be (the schema's limit for list entries). */
export const INCIDENT_TAG_LENGTH = 64;

/** Sets severity and customer impact (minutes, cut to whole minutes within bounds). */
export function setIncidentDetails(doc: Y.Doc, patch: { severity?: Severity | ''; impactMinutes?: number }, origin: unknown = null): void {
  const impact = patch.impactMinutes === undefined ? undefined : Math.round(Math.min(LIMITS.impactMinutes, Math.max(0, patch.impactMinutes)));
  doc.transact(
    () => writeFields(metaMap(doc), META_RECORD, { severity: patch.severity, impactMinutes: Number.isFinite(impact) ? impact : undefined }),
    origin,
  );
}

function tagList(doc: Y.Doc, list: IncidentTagList): Y.Array<string> {
  const existing = metaMap(doc).get(list);
  if (existing instanceof Y.Array) return existing as Y.Array<string>;
  const created = new Y.Array<string>();
  metaMap(doc).set(list, created);
  return created;
}

/**
 * Adds a service or team, written as typed (spaces tidied, cut to 64 characters). False when it is empty, already
 * listed (in any case) or the list is full.
 */
export function addIncidentTag(doc: Y.Doc, list: IncidentTagList, name: string, origin: unknown = null): boolean {
  const tidy = name.replace(/\s+/g, ' ').trim().slice(0, INCIDENT_TAG_LENGTH);
  if (!tidy) return false;
  let added = false;
  doc.transact(() => {
    const tags = tagList(doc, list);
    const names = tags.toArray();
    if (names.length >= LIMITS.incidentTags || names.some((n) => n.toLowerCase() === tidy.toLowerCase())) return;
    tags.push([tidy]);
    added = true;
  }, origin);
  return added;
}

/** Removes a service or team (every copy of it, should two people have added it at once). */
export function removeIncidentTag(doc: Y.Doc, list: IncidentTagList, name: string, origin: unknown = null): void {
  doc.transact(() => {
    const tags = tagList(doc, list);
    for (let i = tags.length - 1; i >= 0; i--) if (tags.get(i).toLowerCase() === name.toLowerCase()) tags.delete(i, 1);
  }, origin);
}
