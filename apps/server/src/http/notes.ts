import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { CAPS } from '@debrief/model';
import {
  editNoteRequest,
  isItemId,
  moderateNotesRequest,
  NOTE_SECRET_HEADER,
  revealRequest,
  submitNoteRequest,
  type ModerateNotesResponse,
  type RevealResponse,
  type SubmitNoteResponse,
} from '@debrief/protocol';
import { NoteAccessError, RevealRefusedError, type NotesService } from '../notes/notes-service.ts';
import type { Storage } from '../storage/storage.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { rateLimited, spend } from './rate-limit.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';

type NoteParams = { Params: { id: string; noteId: string } };

/**
 * Routes that an author calls are not logged: a log line with a time for every submission would say when each
 * note was written, and so, next to who was typing then, who wrote it. Server errors are still logged.
 */
const UNLOGGED = { logLevel: 'warn' } as const;

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
  if (error instanceof NoteAccessError && error.reason === 'moderated') {
    throw new ApiError(409, 'moderated', 'The facilitator hid or paraphrased this note, so it can no longer be edited. You can still withdraw it.');
  }
  if (error instanceof NoteAccessError) {
    if (error.reason === 'limit_reached') {
      throw new ApiError(
        409,
        'limit_reached',
        `This post-mortem already holds ${CAPS.notes.toLocaleString('en')} notes, its limit (or ${CAPS.storedNotes.toLocaleString('en')} counting those the facilitator hid). Withdraw some first.`,
      );
    }
    throw error.reason === 'not_found'
      ? new ApiError(404, 'not_found', 'There is no such note.')
      : new ApiError(403, 'wrong_secret', 'Only the author of a note can change it.');
  }
  throw error;
}

function revealError(error: unknown): never {
  if (!(error instanceof RevealRefusedError)) throw error;
  if (error.reason === 'not_observations') {
    throw new ApiError(
      409,
      'not_observations',
      `Observations already ended: a final reveal ends the Observations phase, so it happens only in that phase. Notes written since wait for a reveal of at least ${error.needed.minNotes}.`,
    );
  }
  if (error.reason === 'too_few_notes') {
    throw new ApiError(
      409,
      'too_few_notes',
      `Only ${error.waiting} ${error.waiting === 1 ? 'note is' : 'notes are'} waiting. A reveal releases at least ${error.needed.minNotes} at once, so nobody can tell who wrote one; ending the Observations phase releases them anyway.`,
    );
  }
  const seconds = Math.max(1, Math.ceil(error.needed.retryAfterMs / 1000));
  throw new ApiError(
    429,
    'reveal_cooldown',
    `The last reveal was moments ago. The next one can happen in ${seconds} s, so notes are released in groups, not one by one.`,
    {
      retryAfterSeconds: seconds,
    },
  );
}

/** Anonymous notes: submit, edit, withdraw, the facilitator's reveal and moderation. Bodies are never logged. */
export function noteRoutes(storage: Storage, notes: NotesService, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: { id: string } }>(
      '/api/postmortems/:id/notes',
      { ...UNLOGGED, onRequest: rateLimited(limiter, 'submitNote') },
      async (request, reply) => {
        await requireAccess(storage, request);
        const input = bodyOf(submitNoteRequest, request);
        // After the key check, so nobody without a key can use up a post-mortem's allowance.
        await spend(limiter, 'noteBurst', request.ip, (s) => `You are sending notes faster than anyone can write them. Try again in ${s} s.`);
        await spend(
          limiter,
          'noteBurstPerPostmortem',
          request.params.id,
          (s) => `This post-mortem is receiving notes faster than anyone can write them. Try again in ${s} s.`,
        );
        const body: SubmitNoteResponse = await notes.submit(request.params.id, input).catch(noteError);
        return reply.code(201).send(body);
      },
    );

    app.patch<NoteParams>('/api/postmortems/:id/notes/:noteId', UNLOGGED, async (request, reply) => {
      await requireAccess(storage, request);
      const { noteId, secret } = noteAuth(request);
      const patch = bodyOf(editNoteRequest, request);
      await notes.edit(request.params.id, noteId, secret, patch).catch(noteError);
      return reply.code(204).send();
    });

    app.delete<NoteParams>('/api/postmortems/:id/notes/:noteId', UNLOGGED, async (request, reply) => {
      await requireAccess(storage, request);
      const { noteId, secret } = noteAuth(request);
      await notes.withdraw(request.params.id, noteId, secret).catch(noteError);
      return reply.code(204).send();
    });

    app.post<{ Params: { id: string } }>('/api/postmortems/:id/reveal', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const { final } = bodyOf(revealRequest, request);
      const body: RevealResponse = { revealed: await notes.reveal(request.params.id, { final }).catch(revealError) };
      return body;
    });

    app.post<{ Params: { id: string } }>('/api/postmortems/:id/moderation', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const body: ModerateNotesResponse = { moderated: await notes.moderate(request.params.id, bodyOf(moderateNotesRequest, request)) };
      return body;
    });
  };
}
