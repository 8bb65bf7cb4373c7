import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { documentName, type DocumentKind } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';

/**
 * A copy of a document as it is now: what storage holds merged with the live document, if this instance has it
 * open (with several instances, either may hold a change the other has not seen yet). The caller destroys it.
 */
export async function currentDocument(server: { collab: Hocuspocus; storage: Storage }, postmortemId: string, kind: DocumentKind): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await server.storage.loadDocument(postmortemId, kind);
  if (stored) Y.applyUpdate(doc, stored);
  const live = server.collab.documents.get(documentName(postmortemId, kind));
  if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return doc;
}
