import type { Hocuspocus } from '@hocuspocus/server';
import { DOCUMENT_KINDS, documentName } from '@debrief/protocol';
import type { Lock } from './keyed-lock.ts';
import type { Storage } from '../storage/storage.ts';
import { generateKey, hashKey } from './keys.ts';

/**
 * Tells every instance that a post-mortem's keys changed, so each closes the connections it holds for it. One
 * instance: a direct call. Several: Redis pub/sub (see infrastructure.ts).
 */
export interface KeyRotationSignal {
  publish(postmortemId: string): Promise<void>;
  subscribe(onRotated: (postmortemId: string) => void): void;
}

/** The signal within one process. */
export function localRotationSignal(): KeyRotationSignal {
  let listener: ((postmortemId: string) => void) | undefined;
  return {
    publish: async (postmortemId) => listener?.(postmortemId),
    subscribe: (onRotated) => (listener = onRotated),
  };
}

/** Close code for sockets whose key was replaced; the client reconnects and is refused if it still has the old key. */
export const KEYS_REPLACED = { code: 4401, reason: 'keys replaced' };

/**
 * Closes every socket that has one of the post-mortem's documents open on this instance. Whole sockets, not just
 * the document connections: a provider whose socket drops reconnects and authenticates again, so an old key is
 * refused and a current one (the facilitator's new link) gets straight back in.
 */
export function closeConnectionsOf(collab: Hocuspocus, postmortemId: string): void {
  for (const kind of DOCUMENT_KINDS) {
    for (const connection of collab.documents.get(documentName(postmortemId, kind))?.connections.keys() ?? []) {
      connection.webSocket.close(KEYS_REPLACED.code, KEYS_REPLACED.reason);
    }
  }
}

/**
 * Replaces both keys of a post-mortem: the old links stop working at once (every request and connection checks
 * the stored hashes) and open connections that used them are closed on every instance. Returns the new plain
 * keys, which exist only in this answer.
 */
export async function rotateKeys(
  storage: Storage,
  lock: Lock,
  signal: KeyRotationSignal,
  postmortemId: string,
): Promise<{ facilitatorKey: string; participantKey: string }> {
  const facilitatorKey = generateKey();
  const participantKey = generateKey();
  await lock.run(postmortemId, () =>
    storage.replaceKeyHashes(postmortemId, { facilitator: hashKey(facilitatorKey), participant: hashKey(participantKey) }),
  );
  await signal.publish(postmortemId);
  return { facilitatorKey, participantKey };
}
