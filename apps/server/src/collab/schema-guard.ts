import * as Y from 'yjs';
import { BOARD_RECORDS, FINDINGS_RECORDS, repairRecord, type RecordFix, type RecordSpec } from '@debrief/model';

type Records = Map<Y.Map<unknown>, RecordSpec>;

/** Where each record type lives in a document: root maps that are records, and root maps of records by id. */
interface DocumentRecords {
  single: Readonly<Record<string, RecordSpec>>;
  collections: Readonly<Record<string, RecordSpec>>;
}

/** A document's root types that hold records, and (on the board) the note grouping map. */
interface Roots {
  collections: Map<unknown, RecordSpec>;
  singles: Map<unknown, RecordSpec>;
  links: Y.Map<unknown> | null;
}

/** The documents clients write, and their records (the notes document is written by the server alone). */
const RECORDS: Record<'board' | 'findings', DocumentRecords> = { board: BOARD_RECORDS, findings: FINDINGS_RECORDS };

/** Longest value `noteThemes` (note id → theme id) may hold. */
const MAX_LINK_LENGTH = 64;

/**
 * Keeps what clients write to the board and findings documents within their declared records (packages/model,
 * schema/board-records.ts and findings-records.ts): after each client's change, the records it touched are repaired
 * in place by the server (text over its limit trimmed, a non-http(s) link or an unknown enum value reset, undeclared
 * keys removed), a change everyone converges on; the writer is told what was changed and why.
 *
 * Which records a change touched comes from the transaction (`afterTransaction`, registered when the document
 * loads), so a change costs a look at what it changed, never a scan of the whole board.
 */
export class SchemaGuard {
  readonly #touched = new WeakMap<Y.Doc, Records>();
  readonly #junk = new WeakMap<Y.Doc, { map: Y.Map<unknown>; key: string; record: string }[]>();

  /** Starts following the client changes of a board or findings document. */
  watch(doc: Y.Doc, kind: 'board' | 'findings', isClientChange: (origin: unknown) => boolean): void {
    const records = RECORDS[kind];
    // The document's root types, looked up once: a client change then costs only a look at what it changed.
    const roots: Roots = {
      collections: new Map(Object.entries(records.collections).map(([name, spec]) => [doc.getMap(name), spec])),
      singles: new Map(Object.entries(records.single).map(([name, spec]) => [doc.getMap(name), spec])),
      links: kind === 'board' ? doc.getMap('noteThemes') : null,
    };
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (isClientChange(transaction.origin)) this.#collect(doc, roots, transaction);
    });
  }

  /** Repairs what client changes touched since the last call; returns what it changed. */
  repair(doc: Y.Doc, origin: unknown): RecordFix[] {
    const touched = this.#touched.get(doc);
    const junk = this.#junk.get(doc);
    this.#touched.delete(doc);
    this.#junk.delete(doc);
    if (!touched && !junk) return [];
    const fixes: RecordFix[] = [];
    doc.transact(() => {
      for (const { map, key, record } of junk ?? []) {
        if (map.has(key)) map.delete(key);
        fixes.push({ record, field: key, problem: 'is not a record' });
      }
      // A record deleted since (by its writer, or above) has nothing left to repair.
      for (const [map, spec] of touched ?? []) if (map._item?.deleted !== true) fixes.push(...repairRecord(map, spec));
    }, origin);
    return fixes;
  }

  #collect(doc: Y.Doc, { collections, singles, links }: Roots, transaction: Y.Transaction): void {
    const touched: Records = this.#touched.get(doc) ?? new Map();
    const junk = this.#junk.get(doc) ?? [];
    for (const [changed, keys] of transaction.changed) {
      const type = changed as unknown as Y.AbstractType<unknown>;
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
