import * as Y from 'yjs';
import { initBoard, type BoardSeed } from '../board/init.ts';
import { DOCUMENT_KINDS, migrateDocument, type DocumentKind } from './documents.ts';

/** Every document of a new post-mortem at the current schema, each as one Yjs update ready to store. */
export function createInitialDocuments(seed: BoardSeed): Record<DocumentKind, Uint8Array> {
  const entries = DOCUMENT_KINDS.map((kind) => {
    const doc = new Y.Doc();
    if (kind === 'board') initBoard(doc, seed);
    else migrateDocument(kind, doc);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return [kind, update] as const;
  });
  return Object.fromEntries(entries) as Record<DocumentKind, Uint8Array>;
}
