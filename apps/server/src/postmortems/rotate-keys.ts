import type { Lock } from './keyed-lock.ts';
import type { Storage } from '../storage/storage.ts';
import { generateKey, hashKey } from './keys.ts';
import type { RevokeAccess } from './revoke-access.ts';

/**
 * Replaces both keys of a post-mortem: the old links stop working at once (every request and connection checks
 * the stored hashes) and open connections that used them are closed on every instance. Returns the new plain
 * keys, which exist only in this answer.
 */
export async function rotateKeys(
  storage: Storage,
  lock: Lock,
  revokeAccess: RevokeAccess,
  postmortemId: string,
): Promise<{ facilitatorKey: string; participantKey: string }> {
  const facilitatorKey = generateKey();
  const participantKey = generateKey();
  await lock.run(postmortemId, () =>
    storage.replaceKeyHashes(postmortemId, { facilitator: hashKey(facilitatorKey), participant: hashKey(participantKey) }),
  );
  await revokeAccess(postmortemId);
  return { facilitatorKey, participantKey };
}
