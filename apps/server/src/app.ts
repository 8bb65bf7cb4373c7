import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Hocuspocus } from '@hocuspocus/server';
import { attachCollabSocket } from './collab/websocket.ts';
import { createCollab } from './collab/hocuspocus.ts';
import { saveAllDocuments } from './collab/persistence.ts';
import { installErrorHandler } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { noteRoutes } from './http/notes.ts';
import { voteRoutes } from './http/votes.ts';
import { actionRoutes } from './http/actions.ts';
import { ActionsService } from './actions/actions-service.ts';
import { reportRoutes } from './http/reports.ts';
import { ReportsService } from './reports/reports-service.ts';
import { LearningService } from './learning/learning-service.ts';
import { learningRoutes } from './http/learning.ts';
import { KeyedLock } from './postmortems/keyed-lock.ts';
import { VotingService } from './votes/voting-service.ts';
import { postmortemRoutes } from './http/postmortems.ts';
import { webAppRoutes } from './http/web-app.ts';
import { NotesService } from './notes/notes-service.ts';
import type { Storage } from './storage/storage.ts';

export interface AppOptions {
  storage: Storage;
  /** Folder of the built web app. */
  webDist: string;
  /** Fixed origin for links (e.g. behind a proxy); otherwise taken from the request. */
  publicUrl?: string;
  /** Pino options; `stream` lets tests capture what the server logs. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
}

export interface App {
  http: FastifyInstance;
  collab: Hocuspocus;
  /** Stops accepting, saves every open document, closes storage. Safe to call twice. */
  close(): Promise<void>;
}

/** Builds the whole server: JSON API, web app and `/collab` on one HTTP server. */
export async function createApp(options: AppOptions): Promise<App> {
  const { storage } = options;
  const http = Fastify({
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          // Method and route pattern only: no client address, no headers (so never a key), no ids or query.
          serializers: {
            req: (req: { method: string; routeOptions?: { url?: string } }) => ({
              method: req.method,
              route: req.routeOptions?.url ?? '(no route)',
            }),
          },
        }
      : false,
    // Keys travel only in URL fragments and the Authorization header; Fastify's default serializers log neither.
    bodyLimit: 1024 * 1024,
  });
  const log: FastifyBaseLogger = http.log;
  const collab = createCollab(storage, log);
  // The API speaks JSON only; anything else is a clear 415 rather than a string that fails validation.
  http.removeContentTypeParser('text/plain');
  installErrorHandler(http);
  await http.register(healthRoutes);
  await http.register(postmortemRoutes(storage, options.publicUrl));
  // One lock per process for every server writer of `<id>/notes`.
  const notesLock = new KeyedLock();
  await http.register(noteRoutes(storage, new NotesService(storage, collab, notesLock)));
  await http.register(voteRoutes(storage, new VotingService(storage, collab, notesLock)));
  const actions = new ActionsService(storage, collab, new KeyedLock());
  await http.register(actionRoutes(storage, actions));
  await http.register(learningRoutes(new LearningService(storage, actions)));
  await http.register(reportRoutes(storage, new ReportsService(storage, collab), options.publicUrl));
  await http.register(webAppRoutes(options.webDist));
  const closeSockets = attachCollabSocket(http.server, collab);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closeSockets();
      await saveAllDocuments(collab, storage);
      await http.close();
      await storage.close();
    })());

  return { http, collab, close };
}
