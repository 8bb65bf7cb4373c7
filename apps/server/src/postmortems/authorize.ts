import { isPostmortemId, type AccessRefusal, type Role } from '@debrief/protocol';
import type { PostmortemRecord, Storage } from '../storage/storage.ts';
import { keyMatches } from './keys.ts';

/** The outcome of presenting a key for a post-mortem. */
export type Access = { ok: true; role: Role; postmortem: PostmortemRecord } | { ok: false; reason: AccessRefusal };

/** Decides who a key makes its holder in a post-mortem; both hashes are always compared. */
export async function authorize(storage: Storage, id: string, key: string | null | undefined): Promise<Access> {
  if (!isPostmortemId(id)) return { ok: false, reason: 'not_found' };
  const postmortem = await storage.getPostmortem(id);
  if (!postmortem) return { ok: false, reason: (await storage.wasDeleted(id)) ? 'deleted' : 'not_found' };
  if (!key) return { ok: false, reason: 'missing_key' };
  const facilitator = keyMatches(key, postmortem.keyHashes.facilitator);
  const participant = keyMatches(key, postmortem.keyHashes.participant);
  if (facilitator) return { ok: true, role: 'facilitator', postmortem };
  if (participant) return { ok: true, role: 'participant', postmortem };
  return { ok: false, reason: 'wrong_key' };
}
