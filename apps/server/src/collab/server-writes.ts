import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';

/** The transaction origin of every change the server makes itself. */
export const SERVER_ORIGIN = Symbol('debrief-server');

/**
 * Changes a document as the server. The change is built on a scratch copy (its own server-side client id),
 * made durable by `persist` with the full new state, and only then applied to the live document, which
 * broadcasts it. So nobody ever sees a change that a crash could lose. Callers serialise per post-mortem.
 */
export async function writeAsServer(
  collab: Hocuspocus,
  documentName: string,
  change: (doc: Y.Doc) => void,
  persist: (state: Uint8Array) => Promise<void>,
): Promise<void> {
  const connection = await collab.openDirectConnection(documentName, { server: true });
  const scratch = new Y.Doc();
  try {
    const live = connection.document;
    if (!live) throw new Error(`could not open ${documentName}`);
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(scratch);
    change(scratch);
    const delta = Y.encodeStateAsUpdate(scratch, before);
    await persist(Y.encodeStateAsUpdate(scratch));
    Y.applyUpdate(live, delta, SERVER_ORIGIN);
  } finally {
    scratch.destroy();
    await connection.disconnect();
  }
}
