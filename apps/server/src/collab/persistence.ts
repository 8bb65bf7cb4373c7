import type { onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { migrateDocument, NewerSchemaError, setHeldCount } from '@debrief/model';
import { parseDocumentName } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';

/** Logs what persistence does without ever including document content. */
export interface PersistenceLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Applies the stored state, then brings it to the current schema (the server is the only migrator). */
export function loadDocument(storage: Storage, log: PersistenceLog) {
  return async ({ documentName, document }: onLoadDocumentPayload): Promise<void> => {
    const parsed = parseDocumentName(documentName);
    if (!parsed) return;
    const state = await storage.loadDocument(parsed.postmortemId, parsed.kind);
    if (state) Y.applyUpdate(document, state, 'storage');
    try {
      const { from, to } = migrateDocument(parsed.kind, document);
      if (from !== to && state) log.warn({ documentName, from, to }, 'migrated document');
    } catch (error) {
      // Served untouched: clients see the newer version and refuse to edit, so nothing is corrupted.
      if (!(error instanceof NewerSchemaError)) throw error;
      log.error({ documentName, found: error.found }, 'document has a newer schema than this server');
      return;
    }
    if (parsed.kind === 'notes') {
      // The held notes in storage are the truth; a crash between storing a note and publishing the count
      // must not leave a wrong count behind.
      setHeldCount(document, (await storage.listHeldNotes(parsed.postmortemId)).length);
    }
  };
}
