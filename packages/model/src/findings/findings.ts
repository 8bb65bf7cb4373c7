import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { relinkActions } from './actions.ts';
import type { FindingType } from './finding-types.ts';
import { FINDING_RECORD } from '../schema/findings-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';

/**
 * Formal findings in `<id>/findings`, declared in schema/findings-records.ts (only the facilitator writes them).
 * A finding links to what it came from (a note, a theme, a factor or a timeline event), never to a person.
 */
export * from './finding-types.ts';
export type SourceKind = 'note' | 'theme' | 'factor' | 'event';

export interface FindingSource {
  kind: SourceKind;
  id: string;
}

export interface Finding {
  id: string;
  type: FindingType;
  statement: string;
  order: number;
  category: string;
  sources: FindingSource[];
}

export const findingsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('findings');

const isSourceKind = (value: unknown): value is SourceKind => value === 'note' || value === 'theme' || value === 'factor' || value === 'event';

/** How a source is stored: one entry of the finding's `sources` Y.Array. */
export const sourceEntry = (source: FindingSource): string => `${source.kind}:${source.id}`;

function sourceFromEntry(entry: unknown): FindingSource | null {
  if (typeof entry !== 'string') return null;
  const [kind, id] = entry.split(':');
  return isSourceKind(kind) && id ? { kind, id } : null;
}

/** A finding's sources: its Y.Array, or (before schema 5) the JSON string it was kept in. */
export function readSources(value: unknown): FindingSource[] {
  if (value instanceof Y.Array) return value.toArray().flatMap((entry) => sourceFromEntry(entry) ?? []);
  try {
    const parsed: unknown = JSON.parse(typeof value === 'string' ? value : '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((s): s is FindingSource => typeof s?.id === 'string' && isSourceKind(s.kind));
  } catch {
    return [];
  }
}

/** Every finding, in order. */
export function readFindings(doc: Y.Doc): Finding[] {
  const findings: Finding[] = [];
  findingsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const { type, statement, order, category } = readRecord(entry, FINDING_RECORD);
    findings.push({ id, type: type as FindingType, statement, order, category, sources: readSources(entry.get('sources')) });
  });
  return findings.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Promotes something the team found to a finding of the given type; returns its id. */
export function promoteFinding(
  doc: Y.Doc,
  input: { type: FindingType; statement: string; source?: FindingSource | null; category?: string },
  origin: unknown = null,
): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    const order = readFindings(doc).reduce((max, f) => Math.max(max, f.order), 0) + 1;
    writeFields(entry, FINDING_RECORD, { id, type: input.type, order, category: input.category ?? '' });
    entry.set('statement', new Y.Text(input.statement));
    entry.set('sources', Y.Array.from(input.source ? [sourceEntry(input.source)] : []));
    findingsMap(doc).set(id, entry);
  }, origin);
  return id;
}

/** The live statement of a finding. */
export function findingStatement(doc: Y.Doc, id: string): Y.Text | undefined {
  const value = findingsMap(doc).get(id)?.get('statement');
  return value instanceof Y.Text ? value : undefined;
}

/** Changes a finding's type (and, for contributing factors, its category). */
export function retypeFinding(doc: Y.Doc, id: string, type: FindingType, category?: string, origin: unknown = null): void {
  const entry = findingsMap(doc).get(id);
  if (!entry) return;
  doc.transact(() => writeFields(entry, FINDING_RECORD, { type, category }), origin);
}

/** Moves a finding one place up or down among findings of the same type. */
export function moveFinding(doc: Y.Doc, id: string, direction: -1 | 1, origin: unknown = null): void {
  const all = readFindings(doc);
  const current = all.find((f) => f.id === id);
  if (!current) return;
  const sameType = all.filter((f) => f.type === current.type);
  const index = sameType.findIndex((f) => f.id === id);
  const neighbour = sameType[index + direction];
  if (!neighbour) return;
  const beyond = sameType[index + 2 * direction];
  const order = beyond ? (neighbour.order + beyond.order) / 2 : neighbour.order + direction;
  const entry = findingsMap(doc).get(id);
  if (entry) doc.transact(() => writeFields(entry, FINDING_RECORD, { order }), origin);
}

/** Merges `from` into `into`: statements joined, sources combined, actions re-pointed; `from` is removed. */
export function mergeFindings(doc: Y.Doc, into: string, from: string, origin: unknown = null): void {
  const target = findingsMap(doc).get(into);
  const source = findingsMap(doc).get(from);
  if (!target || !source || into === from) return;
  const all = readFindings(doc);
  const a = all.find((f) => f.id === into)!;
  const b = all.find((f) => f.id === from)!;
  doc.transact(() => {
    const statement = target.get('statement');
    if (statement instanceof Y.Text && b.statement) statement.insert(statement.length, `${a.statement ? '; ' : ''}${b.statement}`);
    const added = b.sources.filter((s) => !a.sources.some((t) => t.kind === s.kind && t.id === s.id)).map(sourceEntry);
    const sources = target.get('sources');
    if (sources instanceof Y.Array) sources.push(added);
    else target.set('sources', Y.Array.from([...a.sources.map(sourceEntry), ...added]));
    relinkActions(doc, from, into);
    findingsMap(doc).delete(from);
  }, origin);
}

/** Demotes a finding: it is removed (what it came from stays on the board); actions lose the link. */
export function demoteFinding(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => {
    relinkActions(doc, id, null);
    findingsMap(doc).delete(id);
  }, origin);
}
