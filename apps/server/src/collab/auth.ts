import type { onAuthenticatePayload } from '@hocuspocus/server';
import { parseDocumentName, type DocumentKind, type Role } from '@debrief/protocol';
import { authorize } from '../postmortems/authorize.ts';
import { hashKey, hashesMatch } from '../postmortems/keys.ts';
import type { PostmortemRecord, Storage } from '../storage/storage.ts';
import type { SocketContext } from './websocket.ts';

/** What every hook after authentication knows about a connection (with what its socket gave it, see websocket.ts). */
export interface CollabContext extends Partial<SocketContext> {
  postmortemId: string;
  kind: DocumentKind;
  role: Role;
  /** The hash of the key the connection presented, to check it again once the connection is registered. */
  keyHash: string;
}

/** Who may write which document (see DESIGN.md, "Documents and permissions"). */
const WRITERS: Record<DocumentKind, readonly Role[]> = {
  board: ['facilitator', 'participant'],
  // Only the server writes notes, so no note can carry a participant's Yjs client id.
  notes: [],
  findings: ['facilitator'],
};

function isReadOnly(kind: DocumentKind, role: Role): boolean {
  return !WRITERS[kind].includes(role);
}

/**
 * Refuses unknown documents and wrong keys before anything loads (a throw in onLoadDocument leaks the
 * document in Hocuspocus 4.7), and sets the connection read-only where the role may not write.
 */
export function authenticate(storage: Storage) {
  return async ({ documentName, token, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> => {
    const parsed = parseDocumentName(documentName);
    if (!parsed) throw new Error('unknown document');
    const access = await authorize(storage, parsed.postmortemId, token);
    // Hocuspocus sends an error's `reason` to the client (and "permission-denied" without one).
    if (!access.ok) throw Object.assign(new Error(access.reason), { reason: access.reason });
    connectionConfig.readOnly = isReadOnly(parsed.kind, access.role);
    return { postmortemId: parsed.postmortemId, kind: parsed.kind, role: access.role, keyHash: hashKey(token) };
  };
}

/**
 * Whether a connection's key still opens its post-mortem. A key check that passed in the instant before the links
 * were replaced or the post-mortem deleted can finish connecting after that post-mortem's connections were closed.
 * Checked again once the connection is registered, that gap closes: a replacement committed before this read is
 * seen here, and one committed after it finds the connection registered and closes it.
 */
export async function stillAuthorized(storage: Storage, context: CollabContext): Promise<boolean> {
  return keyOpens(await storage.getPostmortem(context.postmortemId), context);
}

/** Whether the key a connection presented opens the post-mortem as stored now (null: deleted). */
export function keyOpens(postmortem: PostmortemRecord | null, context: CollabContext): boolean {
  return postmortem !== null && hashesMatch(context.keyHash, postmortem.keyHashes[context.role]);
}
