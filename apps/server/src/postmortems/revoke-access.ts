import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { DOCUMENT_KINDS, documentName } from '@debrief/protocol';

/**
 * Tells every instance that the way into a post-mortem changed (its links were replaced, or it was deleted), so
 * each closes the connections it holds for it. One instance: a direct call. Several: Redis pub/sub (see
 * infrastructure.ts).
 */
export interface AccessSignal {
  publish(postmortemId: string): Promise<void>;
  subscribe(onRevoked: (postmortemId: string) => void): void;
}

/** The signal within one process. */
export function localAccessSignal(): AccessSignal {
  let listener: ((postmortemId: string) => void) | undefined;
  return {
    publish: async (postmortemId) => listener?.(postmortemId),
    subscribe: (onRevoked) => (listener = onRevoked),
  };
}

/** Close code for sockets whose access was revoked; the client reconnects and is refused unless its key still works. */
const ACCESS_REVOKED = { code: 4401, reason: 'access revoked' };

/**
 * Closes the whole socket a connection runs on, not just its document: a provider whose socket drops reconnects and
 * authenticates again, so an old key or a deleted post-mortem is refused, and a current key gets straight back in.
 */
export function closeRevoked(connection: Connection): void {
  connection.webSocket.close(ACCESS_REVOKED.code, ACCESS_REVOKED.reason);
}

/** Closes every socket that has one of the post-mortem's documents open on this instance. */
export function closeConnectionsOf(collab: Hocuspocus, postmortemId: string): void {
  for (const kind of DOCUMENT_KINDS) {
    for (const connection of collab.documents.get(documentName(postmortemId, kind))?.connections.keys() ?? []) {
      closeRevoked(connection);
    }
  }
}

/** Closes, on every instance, the connections to a post-mortem whose links were replaced or which was deleted. */
export type RevokeAccess = (postmortemId: string) => Promise<void>;

/**
 * This instance closes its own connections at once; telling the others is best effort: a failed publish is logged
 * and never undoes the change (the other instances' clients are refused at their next reconnect).
 */
export function accessRevoker(collab: Hocuspocus, signal: AccessSignal, log: { error(obj: object, msg: string): void }): RevokeAccess {
  signal.subscribe((postmortemId) => closeConnectionsOf(collab, postmortemId));
  return async (postmortemId) => {
    closeConnectionsOf(collab, postmortemId);
    await signal.publish(postmortemId).catch((error: unknown) => log.error({ err: error }, 'could not tell other instances to close connections'));
  };
}
