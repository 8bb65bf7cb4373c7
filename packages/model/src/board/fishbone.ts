import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { BONE_RECORD, FACTOR_RECORD } from '../schema/board-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';

/**
 * The fishbone lives in the board document (everyone may edit it): the `fishbone` head, `categories` (bones) and
 * `factors`, declared in schema/board-records.ts. Fractional `order` values let two people reorder at once without
 * duplicating anything.
 */

/** System-level categories for a blameless review. There is deliberately no "People" bone. */
export const DEFAULT_CATEGORIES = [
  'Process',
  'Tooling',
  'Monitoring & detection',
  'Documentation & knowledge',
  'Ownership & communication',
  'Safeguards & architecture',
  'Environment & dependencies',
] as const;

/** How deep "why?" sub-factors nest under a factor on the bone (the five whys). */
export const MAX_FACTOR_DEPTH = 5;

export type EvidenceKind = 'note' | 'event';

/** What a factor cites: a revealed note or a timeline event, by id, so edits of either keep the link. */
export interface Evidence {
  kind: EvidenceKind;
  id: string;
}

/** A factor with its "why?" sub-factors, as plain values. */
export interface FactorNode {
  id: string;
  categoryId: string;
  parentId: string | null;
  text: string;
  order: number;
  depth: number;
  evidence: Evidence | null;
  children: FactorNode[];
}

/** A bone with its factors. */
export interface CategoryNode {
  id: string;
  name: string;
  order: number;
  factors: FactorNode[];
}

/** The whole diagram as plain values. */
export interface Fishbone {
  problem: string;
  categories: CategoryNode[];
}

type Entry = Y.Map<unknown>;

export const fishboneMap = (doc: Y.Doc) => doc.getMap<unknown>('fishbone');
export const categoriesMap = (doc: Y.Doc) => doc.getMap<Entry>('categories');
export const factorsMap = (doc: Y.Doc) => doc.getMap<Entry>('factors');

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The problem statement's live text (the head of the fish). */
export function problemText(doc: Y.Doc): Y.Text | undefined {
  const value = fishboneMap(doc).get('problem');
  return value instanceof Y.Text ? value : undefined;
}

/** Reads the diagram: bones in order, factors nested under their parents in order. */
export function readFishbone(doc: Y.Doc): Fishbone {
  const categories: CategoryNode[] = [];
  categoriesMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const { name, order } = readRecord(entry, BONE_RECORD);
    categories.push({ id, name, order, factors: [] });
  });
  categories.sort(byOrder);
  const known = new Set(categories.map((c) => c.id));

  const nodes = new Map<string, FactorNode>();
  factorsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const factor = readRecord(entry, FACTOR_RECORD);
    if (!known.has(factor.categoryId)) return;
    const { evidenceKind: kind, evidenceId } = factor;
    nodes.set(id, {
      id,
      categoryId: factor.categoryId,
      parentId: factor.parentId || null,
      text: factor.text,
      order: factor.order,
      depth: 0,
      evidence: kind !== '' && evidenceId ? { kind, id: evidenceId } : null,
      children: [],
    });
  });

  const roots = new Map<string, FactorNode[]>(categories.map((c) => [c.id, []]));
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    // A factor whose parent vanished (deleted concurrently) or sits on another bone goes back on its own bone.
    if (parent && parent.categoryId === node.categoryId && !isAncestor(nodes, node.id, parent)) parent.children.push(node);
    else roots.get(node.categoryId)?.push(node);
  }
  const finish = (list: FactorNode[], depth: number) => {
    list.sort(byOrder);
    for (const node of list) {
      node.depth = depth;
      finish(node.children, depth + 1);
    }
  };
  for (const category of categories) {
    category.factors = roots.get(category.id) ?? [];
    finish(category.factors, 0);
  }
  return { problem: problemText(doc)?.toString() ?? '', categories };
}

/** True when `id` is `node` or one of its ancestors (guards against cycles made by concurrent moves). */
function isAncestor(nodes: Map<string, FactorNode>, id: string, node: FactorNode): boolean {
  const seen = new Set<string>();
  for (let current: FactorNode | undefined = node; current; current = current.parentId ? nodes.get(current.parentId) : undefined) {
    if (current.id === id || seen.has(current.id)) return true;
    seen.add(current.id);
  }
  return false;
}

/** Every factor in reading order (bone by bone, depth first). */
export function flattenFactors(fishbone: Fishbone): FactorNode[] {
  const out: FactorNode[] = [];
  const walk = (list: FactorNode[]) => list.forEach((node) => (out.push(node), walk(node.children)));
  fishbone.categories.forEach((category) => walk(category.factors));
  return out;
}

const nextOrder = (orders: number[]) => (orders.length ? Math.max(...orders) + 1 : 1);

/** Adds a bone at the end; returns its id. */
export function addCategory(doc: Y.Doc, name: string, origin: unknown = null): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    writeFields(entry, BONE_RECORD, { id, name, order: nextOrder(readFishbone(doc).categories.map((c) => c.order)) });
    categoriesMap(doc).set(id, entry);
  }, origin);
  return id;
}

/** Renames a bone. */
export function renameCategory(doc: Y.Doc, id: string, name: string, origin: unknown = null): void {
  const entry = categoriesMap(doc).get(id);
  if (entry) doc.transact(() => entry.set('name', name), origin);
}

/** Removes a bone and every factor on it. */
export function removeCategory(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => {
    factorsMap(doc).forEach((entry, factorId) => {
      if (entry instanceof Y.Map && entry.get('categoryId') === id) factorsMap(doc).delete(factorId);
    });
    categoriesMap(doc).delete(id);
  }, origin);
}

/** Moves a bone one place earlier or later. */
export function moveCategory(doc: Y.Doc, id: string, direction: -1 | 1, origin: unknown = null): void {
  const list = readFishbone(doc).categories;
  const index = list.findIndex((c) => c.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= list.length) return;
  const beyond = list[target + direction];
  const neighbour = list[target]!;
  // Place it between the neighbour and the one beyond, so a concurrent move elsewhere cannot collide.
  const order = beyond ? (neighbour.order + beyond.order) / 2 : neighbour.order + direction;
  doc.transact(() => categoriesMap(doc).get(id)?.set('order', order), origin);
}

/** Adds a factor on a bone or, with `parentId`, a "why?" under another factor; returns its id (null if too deep). */
export function addFactor(
  doc: Y.Doc,
  input: { categoryId: string; parentId?: string | null; text?: string; evidence?: Evidence | null },
  origin: unknown = null,
): string | null {
  const fishbone = readFishbone(doc);
  const all = flattenFactors(fishbone);
  const parent = input.parentId ? all.find((f) => f.id === input.parentId) : undefined;
  if (input.parentId && !parent) return null;
  if (parent && parent.depth + 1 >= MAX_FACTOR_DEPTH) return null;
  const categoryId = parent?.categoryId ?? input.categoryId;
  if (!fishbone.categories.some((c) => c.id === categoryId)) return null;
  const siblings = parent ? parent.children : (fishbone.categories.find((c) => c.id === categoryId)?.factors ?? []);
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    writeFields(entry, FACTOR_RECORD, {
      id,
      categoryId,
      parentId: parent?.id ?? '',
      order: nextOrder(siblings.map((s) => s.order)),
      evidenceKind: input.evidence?.kind ?? '',
      evidenceId: input.evidence?.id ?? '',
    });
    entry.set('text', new Y.Text(input.text ?? ''));
    // Which factors are newest when a board is trimmed to its cap (see caps.ts); absent on older factors.
    entry.set('createdAt', Date.now());
    factorsMap(doc).set(id, entry);
  }, origin);
  return id;
}

/** The live text of a factor. */
export function factorText(doc: Y.Doc, id: string): Y.Text | undefined {
  const value = factorsMap(doc).get(id)?.get('text');
  return value instanceof Y.Text ? value : undefined;
}

function subtreeIds(doc: Y.Doc, id: string): string[] {
  const node = flattenFactors(readFishbone(doc)).find((f) => f.id === id);
  if (!node) return factorsMap(doc).has(id) ? [id] : [];
  const ids: string[] = [];
  const walk = (n: FactorNode) => (ids.push(n.id), n.children.forEach(walk));
  walk(node);
  return ids;
}

/** Moves a factor (with its whys) to another bone, at the end of that bone. */
export function moveFactor(doc: Y.Doc, id: string, categoryId: string, origin: unknown = null): void {
  const target = readFishbone(doc).categories.find((c) => c.id === categoryId);
  if (!target) return;
  const ids = subtreeIds(doc, id);
  doc.transact(() => {
    for (const factorId of ids) factorsMap(doc).get(factorId)?.set('categoryId', categoryId);
    const root = factorsMap(doc).get(id);
    root?.set('parentId', '');
    root?.set('order', nextOrder(target.factors.map((f) => f.order)));
  }, origin);
}

/** Removes a factor and its whys. */
export function removeFactor(doc: Y.Doc, id: string, origin: unknown = null): void {
  const ids = subtreeIds(doc, id);
  doc.transact(() => ids.forEach((factorId) => factorsMap(doc).delete(factorId)), origin);
}

/** Sets or clears what a factor cites. */
export function setFactorEvidence(doc: Y.Doc, id: string, evidence: Evidence | null, origin: unknown = null): void {
  const entry = factorsMap(doc).get(id);
  if (!entry) return;
  doc.transact(() => {
    entry.set('evidenceKind', evidence?.kind ?? '');
    entry.set('evidenceId', evidence?.id ?? '');
  }, origin);
}

/** The factors that cite a given note or event (shown on the note or event: the link's other side). */
export function factorsCiting(fishbone: Fishbone, evidence: Evidence): FactorNode[] {
  return flattenFactors(fishbone).filter((f) => f.evidence?.kind === evidence.kind && f.evidence.id === evidence.id);
}

/** The key of a cited note or event in a citation index. */
export const evidenceKey = (evidence: Evidence): string => `${evidence.kind}:${evidence.id}`;

/**
 * Every cited note and event with the factors citing it, in one pass over the fishbone: a board showing hundreds of
 * notes and events looks each one up instead of walking the fishbone once per item.
 */
export function citationIndex(fishbone: Fishbone): Map<string, FactorNode[]> {
  const index = new Map<string, FactorNode[]>();
  for (const factor of flattenFactors(fishbone)) {
    if (!factor.evidence) continue;
    const key = evidenceKey(factor.evidence);
    index.set(key, [...(index.get(key) ?? []), factor]);
  }
  return index;
}
