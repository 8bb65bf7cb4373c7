import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { CAPS } from '@debrief/model';
import {
  editNoteRequest,
  isItemId,
  NOTE_SECRET_HEADER,
  submitNoteRequest,
  type RevealResponse,
  type SubmitNoteResponse,
} from '@debrief/protocol';
import { NoteAccessError, type NotesService } from '../notes/notes-service.ts';
import type { Storage } from '../storage/storage.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { rateLimited } from './rate-limit.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';

type NoteParams = { Params: { id: string; noteId: string } };


/** The note id from the path and the author's secret from its header; refuses malformed ones. */
function noteAuth(request: FastifyRequest<NoteParams>): { noteId: string; secret: string } {
  const { noteId } = request.params;
  if (!isItemId(noteId)) throw new ApiError(404, 'not_found', 'There is no such note.');
  const secret = request.headers[NOTE_SECRET_HEADER];
  if (typeof secret !== 'string' || secret === '') {
    throw new ApiError(403, 'wrong_secret', 'Only the author of a note can change it (missing X-Note-Secret).');
  }
  return { noteId, secret };
}

function noteError(error: unknown): never {
  if (error instanceof NoteAccessError) {
    if (error.reason === 'limit_reached') {
      throw new ApiError(409, 'limit_reached', `This post-mortem already holds ${CAPS.notes.toLocaleString('en')} notes, its limit. Group or withdraw some first.`);
    }
    throw error.reason === 'not_found'
      ? new ApiError(404, 'not_found', 'There is no such note.')
      : new ApiError(403, 'wrong_secret', 'Only the author of a note can change it.');
  }
  throw error;
}

/** Anonymous notes: submit, edit, withdraw, and the facilitator's reveal. Bodies are never logged. */
export function noteRoutes(storage: Storage, notes: NotesService, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: { id: string } }>('/api/postmortems/:id/notes', { onRequest: rateLimited(limiter, 'submitNote') }, async (request, reply) => {
      await requireAccess(storage, request);
      const input = bodyOf(submitNoteRequest, request);
      const body: SubmitNoteResponse = await notes.submit(request.params.id, input).catch(noteError);
      return reply.code(201).send(body);
    });

    app.patch<NoteParams>('/api/postmortems/:id/notes/:noteId', async (request, reply) => {
      await requireAccess(storage, request);
      const { noteId, secret } = noteAuth(request);
      const patch = bodyOf(editNoteRequest, request);
      await notes.edit(request.params.id, noteId, secret, patch).catch(noteError);
      return reply.code(204).send();
    });

    app.delete<NoteParams>('/api/postmortems/:id/notes/:noteId', async (request, reply) => {
      await requireAccess(storage, request);
      const { noteId, secret } = noteAuth(request);
      await notes.withdraw(request.params.id, noteId, secret).catch(noteError);
      return reply.code(204).send();
    });

    app.post<{ Params: { id: string } }>('/api/postmortems/:id/reveal', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const body: RevealResponse = { revealed: await notes.reveal(request.params.id) };
      return body;
    });
  };
}
