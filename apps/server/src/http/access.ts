import type { FastifyRequest } from 'fastify';
import type { Role } from '@debrief/protocol';
import { authorize, type Access } from '../postmortems/authorize.ts';
import type { Storage } from '../storage/storage.ts';
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
