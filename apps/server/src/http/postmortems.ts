import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  createPostmortemRequest,
  joinLink,
  type CreatePostmortemResponse,
  type PostmortemSummary,
} from '@debrief/protocol';
import { authorize } from '../postmortems/authorize.ts';
import { createPostmortem } from '../postmortems/create.ts';
import type { Storage } from '../storage/storage.ts';
import { ApiError } from './errors.ts';

/** The origin the links point at: PUBLIC_URL when set, else what the browser used to reach us. */
function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The key from `Authorization: Bearer <key>`, or null. */
export function bearerKey(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

const ACCESS_ERRORS = {
  not_found: new ApiError(404, 'not_found', 'No post-mortem has this address. Check the link you were sent.'),
  missing_key: new ApiError(401, 'missing_key', 'This link has no key. Ask the facilitator for the full link.'),
  wrong_key: new ApiError(403, 'wrong_key', 'The key in this link is not valid for this post-mortem.'),
};

/** Creating post-mortems and checking a link's key. */
export function postmortemRoutes(storage: Storage, publicUrl?: string): FastifyPluginAsync {
  return async (app) => {
    app.post('/api/postmortems', async (request, reply) => {
      const parsed = createPostmortemRequest.safeParse(request.body ?? {});
      if (!parsed.success) {
        throw new ApiError(400, 'bad_request', parsed.error.issues.map((issue) => issue.message).join('; '));
      }
      const created = await createPostmortem(storage, parsed.data);
      const origin = originOf(request, publicUrl);
      const body: CreatePostmortemResponse = {
        id: created.id,
        participantUrl: joinLink(origin, created.id, created.participantKey),
        facilitatorUrl: joinLink(origin, created.id, created.facilitatorKey),
      };
      return reply.code(201).send(body);
    });

    app.get<{ Params: { id: string } }>('/api/postmortems/:id', async (request) => {
      const access = await authorize(storage, request.params.id, bearerKey(request));
      if (!access.ok) throw ACCESS_ERRORS[access.reason];
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
