import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { documentName, type DocumentKind } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { withSaveLock } from './document-saver.ts';

/** The transaction origin of every change the server makes itself. */
export const SERVER_ORIGIN = Symbol('debrief-server');

/**
 * Changes a document as the server. The change is built on a scratch copy (its own server-side client id) of
 * the live document merged with what storage holds, made durable by `persist` with the full new state, and only
 * then applied to the live document, which broadcasts it. So nobody ever sees a change a crash could lose, and
 * with several instances a write never drops another instance's stored change that has not reached this one's
 * memory yet. Callers serialise per post-mortem (across instances, when there are several).
 */
export async function writeAsServer(
  server: { collab: Hocuspocus; storage: Storage },
  postmortemId: string,
  kind: DocumentKind,
  change: (doc: Y.Doc) => void,
  persist: (state: Uint8Array) => Promise<void>,
): Promise<void> {
  const name = documentName(postmortemId, kind);
  const connection = await server.collab.openDirectConnection(name, { server: true });
  const scratch = new Y.Doc();
  try {
    const live = connection.document;
    if (!live) throw new Error(`could not open ${name}`);
    // Under the document's save lock: no save of it can store in between and be overwritten by an older state.
    await withSaveLock(server.collab, name, async () => {
      const stored = await server.storage.loadDocument(postmortemId, kind);
      if (stored) Y.applyUpdate(scratch, stored);
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(live);
      change(scratch);
      await persist(Y.encodeStateAsUpdate(scratch));
      Y.applyUpdate(live, Y.encodeStateAsUpdate(scratch, before), SERVER_ORIGIN);
    });
  } finally {
    scratch.destroy();
    // Outside the save lock: disconnecting saves the document, which takes that lock.
    await connection.disconnect();
  }
}
