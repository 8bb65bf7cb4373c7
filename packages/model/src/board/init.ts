import * as Y from 'yjs';
import { migrateDocument } from '../schema/documents.ts';
import { writeFields } from '../schema/fields.ts';
import { META_RECORD } from '../schema/board-records.ts';
import { metaMap } from './shape.ts';

/** What the facilitator typed when creating the post-mortem. */
export interface BoardSeed {
  title: string;
  incidentAt?: string;
  summary?: string;
}

/** Writes a new board's facts, then every migration, so a new board has exactly the current shape. */
export function initBoard(doc: Y.Doc, seed: BoardSeed): void {
  doc.transact(() => {
    writeFields(metaMap(doc), META_RECORD, { title: seed.title, incidentAt: seed.incidentAt ?? '', summary: seed.summary ?? '' });
    migrateDocument('board', doc);
  }, 'init');
}

/** Rewords the incident's title or summary (e.g. from the Review step); over-long text is cut to its limit. */
export function updateIncident(doc: Y.Doc, patch: { title?: string; summary?: string }, origin: unknown = null): void {
  const title = patch.title?.trim() || undefined;
  doc.transact(() => writeFields(metaMap(doc), META_RECORD, { title, summary: patch.summary?.trim() }), origin);
}

/** A complete new board as one Yjs update, ready to store. */
export function createBoardUpdate(seed: BoardSeed): Uint8Array {
  const doc = new Y.Doc();
  initBoard(doc, seed);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
