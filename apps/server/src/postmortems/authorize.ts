import { isPostmortemId, type AccessRefusal, type Role } from '@debrief/protocol';
import type { PostmortemRecord, Storage } from '../storage/storage.ts';
import { keyMatches } from './keys.ts';

/** The outcome of presenting a key for a post-mortem. */
export type Access = { ok: true; role: Role; postmortem: PostmortemRecord } | { ok: false; reason: AccessRefusal };

/** The post-mortem a key is presented for, or why there is nothing to open (no such post-mortem, no key). */
export async function findPostmortem(
  storage: Storage,
  id: string,
  key: string | null | undefined,
): Promise<{ ok: true; postmortem: PostmortemRecord; key: string } | { ok: false; reason: AccessRefusal }> {
  if (!isPostmortemId(id)) return { ok: false, reason: 'not_found' };
  const postmortem = await storage.getPostmortem(id);
  if (!postmortem) return { ok: false, reason: (await storage.wasDeleted(id)) ? 'deleted' : 'not_found' };
  if (!key) return { ok: false, reason: 'missing_key' };
  return { ok: true, postmortem, key };
}

/** Decides who a key makes its holder in a post-mortem; both hashes are always compared. */
export async function authorize(storage: Storage, id: string, key: string | null | undefined): Promise<Access> {
  const found = await findPostmortem(storage, id, key);
  if (!found.ok) return found;
  const { postmortem } = found;
  const facilitator = keyMatches(found.key, postmortem.keyHashes.facilitator);
  const participant = keyMatches(found.key, postmortem.keyHashes.participant);
  if (facilitator) return { ok: true, role: 'facilitator', postmortem };
  if (participant) return { ok: true, role: 'participant', postmortem };
  return { ok: false, reason: 'wrong_key' };
}

/**
 * Who a key makes its holder for one action's follow-up: the facilitator, the action's owner (its owner link), a
 * participant (who may not follow up), or nobody. Every hash is compared in constant time whichever matches.
 */
export function authorizeActionKey(postmortem: PostmortemRecord, actionId: string, key: string): Role | 'owner' | null {
  const ownerHashes = postmortem.ownerKeyHashes ?? {};
  const ownerHash = Object.hasOwn(ownerHashes, actionId) ? ownerHashes[actionId] : undefined;
  const owner = ownerHash !== undefined && keyMatches(key, ownerHash);
  const facilitator = keyMatches(key, postmortem.keyHashes.facilitator);
  const participant = keyMatches(key, postmortem.keyHashes.participant);
  if (facilitator) return 'facilitator';
  if (owner) return 'owner';
  return participant ? 'participant' : null;
}
