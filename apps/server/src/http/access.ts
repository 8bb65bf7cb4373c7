import type { FastifyRequest } from 'fastify';
import type { Role } from '@debrief/protocol';
import { authorize, authorizeActionKey, findPostmortem, type Access } from '../postmortems/authorize.ts';
import type { PostmortemRecord, Storage } from '../storage/storage.ts';
import { ApiError } from './errors.ts';

/** The key from `Authorization: Bearer <key>`, or null. */
export function bearerKey(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

const ACCESS_ERRORS = {
  deleted: () => new ApiError(410, 'deleted', 'This post-mortem was deleted by its facilitator.'),
  not_found: () => new ApiError(404, 'not_found', 'No post-mortem has this address. Check the link you were sent.'),
  missing_key: () => new ApiError(401, 'missing_key', 'This link has no key. Ask the facilitator for the full link.'),
  wrong_key: () => new ApiError(403, 'wrong_key', 'The key in this link is not valid for this post-mortem.'),
};

/** Checks the request's key for the post-mortem and, when asked, that it is the facilitator's; throws a 4xx. */
export async function requireAccess(
  storage: Storage,
  request: FastifyRequest<{ Params: { id: string } }>,
  needed: Role | 'any' = 'any',
): Promise<Extract<Access, { ok: true }>> {
  const access = await authorize(storage, request.params.id, bearerKey(request));
  if (!access.ok) throw ACCESS_ERRORS[access.reason]();
  if (needed === 'facilitator' && access.role !== 'facilitator') {
    throw new ApiError(403, 'facilitator_only', 'Only the facilitator can do this.');
  }
  return access;
}

/**
 * Checks the request's key opens one corrective action's follow-up: the facilitator key, or the owner key made for
 * that action. Throws a 4xx; answers the post-mortem's record and who the key makes its holder.
 */
export async function requireActionAccess(
  storage: Storage,
  request: FastifyRequest<{ Params: { id: string; actionId: string } }>,
): Promise<{ role: 'facilitator' | 'owner'; postmortem: PostmortemRecord }> {
  const found = await findPostmortem(storage, request.params.id, bearerKey(request));
  if (!found.ok) throw ACCESS_ERRORS[found.reason]();
  const { postmortem, key } = found;
  const role = authorizeActionKey(postmortem, request.params.actionId, key);
  if (role === 'participant') throw new ApiError(403, 'facilitator_only', 'Only the facilitator or the owner of this action can do this.');
  if (!role)
    throw new ApiError(
      403,
      'wrong_key',
      'This link does not open this action (a newer owner link may have replaced it). Ask the facilitator for a new one.',
    );
  return { role, postmortem };
}
