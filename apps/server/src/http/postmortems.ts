import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  createPostmortemRequest,
  joinLink,
  type CreatePostmortemResponse,
  type PostmortemSummary,
} from '@debrief/protocol';
import { createPostmortem } from '../postmortems/create.ts';
import type { Storage } from '../storage/storage.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';

/** The origin the links point at: PUBLIC_URL when set, else what the browser used to reach us. */
function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Creating post-mortems and checking a link's key. */
export function postmortemRoutes(storage: Storage, publicUrl?: string): FastifyPluginAsync {
  return async (app) => {
    app.post('/api/postmortems', async (request, reply) => {
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
  };
}
