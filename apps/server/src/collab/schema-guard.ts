import * as Y from 'yjs';
import { BOARD_RECORDS, FINDINGS_RECORDS, planRepair, type PlannedFix, type RecordFix, type RecordSpec } from '@debrief/model';

type Records = Map<Y.Map<unknown>, RecordSpec>;

/** Where each record type lives in a document: root maps that are records, and root maps of records by id. */
interface DocumentRecords {
  single: Readonly<Record<string, RecordSpec>>;
  collections: Readonly<Record<string, RecordSpec>>;
}

/** A document's root types that hold records, (on the board) the note grouping map, and every declared root. */
interface Roots {
  collections: Map<unknown, RecordSpec>;
  singles: Map<unknown, RecordSpec>;
  links: Y.Map<unknown> | null;
  declared: Set<unknown>;
}

/** The documents clients write, and their records (the notes document is written by the server alone). */
const RECORDS: Record<'board' | 'findings', DocumentRecords> = { board: BOARD_RECORDS, findings: FINDINGS_RECORDS };

/** Longest value `noteThemes` (note id → theme id) may hold. */
const MAX_LINK_LENGTH = 64;

/**
 * Keeps what clients write to the board and findings documents within their declared records (packages/model,
 * schema/board-records.ts and findings-records.ts): after each client's change, the records it touched are repaired
 * in place by the server (text over its limit trimmed, a non-http(s) link or an unknown enum value reset, undeclared
 * keys removed, and whatever was written into a root type no record declares removed again), a change everyone
 * converges on; the writer is told what was changed and why.
 *
 * Which records a change touched comes from the transaction (`afterTransaction`, registered when the document
 * loads), so a change costs a look at what it changed, never a scan of the whole board.
 */
export class SchemaGuard {
  readonly #touched = new WeakMap<Y.Doc, Records>();
  readonly #junk = new WeakMap<Y.Doc, { map: Y.Map<unknown>; key: string; record: string }[]>();
  readonly #undeclared = new WeakMap<Y.Doc, Set<Y.AbstractType<unknown>>>();

  /** Starts following the client changes of a board or findings document. */
  watch(doc: Y.Doc, kind: 'board' | 'findings', isClientChange: (origin: unknown) => boolean): void {
    const records = RECORDS[kind];
    // The document's root types, looked up once: a client change then costs only a look at what it changed.
    const collections = new Map<unknown, RecordSpec>(Object.entries(records.collections).map(([name, spec]) => [doc.getMap(name), spec]));
    const singles = new Map<unknown, RecordSpec>(Object.entries(records.single).map(([name, spec]) => [doc.getMap(name), spec]));
    const links = kind === 'board' ? doc.getMap('noteThemes') : null;
    const roots: Roots = { collections, singles, links, declared: new Set([...collections.keys(), ...singles.keys(), ...(links ? [links] : [])]) };
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (isClientChange(transaction.origin)) this.#collect(doc, roots, transaction);
    });
  }

  /** Repairs what client changes touched since the last call; returns what it changed. */
  repair(doc: Y.Doc, origin: unknown): RecordFix[] {
    const touched = this.#touched.get(doc);
    const junk = this.#junk.get(doc);
    const undeclared = this.#undeclared.get(doc);
    this.#touched.delete(doc);
    this.#junk.delete(doc);
    this.#undeclared.delete(doc);
    // Almost every change leaves its records as declared: they are checked without a transaction, and one is opened
    // only when something needs writing.
    const planned: [Y.Map<unknown>, PlannedFix[]][] = [];
    for (const [map, spec] of touched ?? []) {
      const plan = map._item?.deleted === true ? [] : planRepair(map, spec);
      if (plan.length > 0) planned.push([map, plan]);
    }
    if (!junk && !undeclared && planned.length === 0) return [];
    const fixes: RecordFix[] = [];
    doc.transact((transaction) => {
      for (const root of undeclared ?? []) {
        if (clearType(root, transaction)) fixes.push({ record: rootName(doc, root), field: '', problem: 'is not part of the document schema' });
      }
      for (const { map, key, record } of junk ?? []) {
        if (map.has(key)) map.delete(key);
        fixes.push({ record, field: key, problem: 'is not a record' });
      }
      // A record deleted above (its key held junk before) has nothing left to repair.
      for (const [map, plan] of planned) {
        if (map._item?.deleted === true) continue;
        for (const { apply, ...fix } of plan) {
          apply();
          fixes.push(fix);
        }
      }
    }, origin);
    return fixes;
  }

  #collect(doc: Y.Doc, { collections, singles, links, declared }: Roots, transaction: Y.Transaction): void {
    const touched: Records = this.#touched.get(doc) ?? new Map();
    const junk = this.#junk.get(doc) ?? [];
    for (const [changed, keys] of transaction.changed) {
      const type = changed as unknown as Y.AbstractType<unknown>;
      const root = rootOf(type);
      if (!declared.has(root)) {
        const undeclared = this.#undeclared.get(doc) ?? new Set();
        this.#undeclared.set(doc, undeclared.add(root));
        continue;
      }
      if (links && type === (links as unknown)) {
        for (const key of keys) {
          const value = key === null ? undefined : links.get(key);
          if (key !== null && value !== undefined && (typeof value !== 'string' || value.length > MAX_LINK_LENGTH))
            junk.push({ map: links, key, record: 'noteThemes' });
        }
        continue;
      }
      const collection = collections.get(type);
      if (collection) {
        for (const key of keys) {
          if (key === null) continue;
          const map = type as unknown as Y.Map<unknown>;
          const entry = map.get(key);
          if (entry instanceof Y.Map) touched.set(entry, collection);
          else if (entry !== undefined) junk.push({ map, key, record: collection.name });
        }
        continue;
      }
      const record = recordHolding(type, collections, singles);
      if (record) touched.set(record.map, record.spec);
    }
    if (touched.size > 0) this.#touched.set(doc, touched);
    if (junk.length > 0) this.#junk.set(doc, junk);
  }
}

/** The record a changed type belongs to: itself (a single record), or the entry of a collection it sits inside. */
function recordHolding(
  type: Y.AbstractType<unknown>,
  collections: Map<unknown, RecordSpec>,
  singles: Map<unknown, RecordSpec>,
): { map: Y.Map<unknown>; spec: RecordSpec } | null {
  let child: Y.AbstractType<unknown> = type;
  for (;;) {
    const single = singles.get(child);
    if (single) return { map: child as Y.Map<unknown>, spec: single };
    const parent = child._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    const collection = collections.get(parent);
    if (collection) return child instanceof Y.Map ? { map: child, spec: collection } : null;
    child = parent;
  }
}

/** The root type a type sits in (itself for a root). */
function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let root = type;
  while (root._item?.parent instanceof Y.AbstractType) root = root._item.parent;
  return root;
}

/** The name a root type has in its document (how the writer is told which one was cleared). */
function rootName(doc: Y.Doc, root: Y.AbstractType<unknown>): string {
  for (const [name, type] of doc.share) if (type === root) return `"${name.slice(0, 64)}"`;
  return 'a root type';
}

/**
 * Deletes everything in a type, whatever kind a client made it (a root no record declares is known to the server
 * only as an AbstractType, so it is emptied item by item rather than through Y.Map or Y.Text). Returns whether there
 * was anything to delete.
 */
function clearType(type: Y.AbstractType<unknown>, transaction: Y.Transaction): boolean {
  const items: Y.Item[] = [...type._map.values()];
  for (let item = type._start; item !== null; item = item.right) items.push(item);
  const live = items.filter((item) => !item.deleted);
  for (const item of live) item.delete(transaction);
  return live.length > 0;
}
