import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createPostmortemRequest, joinLink, type CreatePostmortemResponse, type PostmortemSummary } from '@debrief/protocol';
import { createPostmortem } from '../postmortems/create.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import type { RevokeAccess } from '../postmortems/revoke-access.ts';
import { rotateKeys } from '../postmortems/rotate-keys.ts';
import type { Storage } from '../storage/storage.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { rateLimited } from './rate-limit.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';

/** The origin the links point at: PUBLIC_URL when set, else what the browser used to reach us. */
function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Creating post-mortems and checking a link's key. */
export function postmortemRoutes(
  storage: Storage,
  limiter: RateLimiter,
  rotation: { lock: Lock; revokeAccess: RevokeAccess },
  publicUrl?: string,
): FastifyPluginAsync {
  return async (app) => {
    app.post('/api/postmortems', { onRequest: rateLimited(limiter, 'createPostmortem') }, async (request, reply) => {
      const created = await createPostmortem(storage, bodyOf(createPostmortemRequest, request));
      const origin = originOf(request, publicUrl);
      const body: CreatePostmortemResponse = {
        id: created.id,
        participantUrl: joinLink(origin, created.id, created.participantKey),
        facilitatorUrl: joinLink(origin, created.id, created.facilitatorKey),
      };
      return reply.code(201).send(body);
    });

    app.get<{ Params: { id: string } }>('/api/postmortems/:id', async (request) => {
      const access = await requireAccess(storage, request);
      const { postmortem } = access;
      const body: PostmortemSummary = {
        id: postmortem.id,
        title: postmortem.title,
        incidentAt: postmortem.incidentAt,
        role: access.role,
      };
      return body;
    });

    // New links for everyone; the old ones stop working and their connections are closed.
    app.post<{ Params: { id: string } }>('/api/postmortems/:id/keys', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const keys = await rotateKeys(storage, rotation.lock, rotation.revokeAccess, request.params.id);
      const origin = originOf(request, publicUrl);
      const body: CreatePostmortemResponse = {
        id: request.params.id,
        participantUrl: joinLink(origin, request.params.id, keys.participantKey),
        facilitatorUrl: joinLink(origin, request.params.id, keys.facilitatorKey),
      };
      return body;
    });
  };
}
