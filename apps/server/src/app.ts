import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { attachCollabSocket } from './collab/websocket.ts';
import { createCollab } from './collab/hocuspocus.ts';
import type { SocketLimits } from './collab/socket-limits.ts';
import type { SaverTiming } from './collab/document-saver.ts';
import { installErrorHandler } from './http/errors.ts';
import { refuseOtherHosts, type AllowedHosts } from './http/allowed-hosts.ts';
import { healthRoutes } from './http/health.ts';
import { securityHeaders } from './http/security-headers.ts';
import { noteRoutes } from './http/notes.ts';
import { voteRoutes } from './http/votes.ts';
import { actionRoutes } from './http/actions.ts';
import { timelineImportRoutes } from './http/timeline-import.ts';
import { TimelineImportService } from './timeline/timeline-import.ts';
import { actionFollowUpRoutes } from './http/action-follow-up.ts';
import { ActionsService } from './actions/actions-service.ts';
import { reportRoutes } from './http/reports.ts';
import { ReportsService } from './reports/reports-service.ts';
import { LearningService } from './learning/learning-service.ts';
import { learningRoutes } from './http/learning.ts';
import { KeyedLock, scopedLock, type Lock } from './postmortems/keyed-lock.ts';
import type { TrustProxy } from './limits/client-address.ts';
import { createRateLimiter, type RateLimiter } from './limits/rate-limits.ts';
import { sweepRevokedAccess } from './postmortems/access-sweep.ts';
import { accessRevoker, localAccessSignal, type AccessSignal } from './postmortems/revoke-access.ts';
import { VotingService } from './votes/voting-service.ts';
import { postmortemRoutes } from './http/postmortems.ts';
import { webAppRoutes } from './http/web-app.ts';
import { NotesService, type RevealRules } from './notes/notes-service.ts';
import { REVEAL_RULES } from '@debrief/model';
import type { Storage } from './storage/storage.ts';
import { HTTP_GRACE_MS, step, trackConnections } from './shutdown.ts';
import { LoadMonitor, type LoadLimits } from './load/load-monitor.ts';

export interface AppOptions {
  storage: Storage;
  /** Folder of the built web app. */
  webDist: string;
  /** Fixed origin for links (e.g. behind a proxy); otherwise taken from the request. */
  publicUrl?: string;
  /** Host names requests may name (config.ts decides them); any when absent. */
  allowedHosts?: AllowedHosts;
  /** Serialises server writes per post-mortem; must be shared by every instance when there are several. */
  lock?: Lock;
  /**
   * Serialises saves per document, shared likewise. Separate from `lock`: a server write holds `lock` and then
   * takes this one, so with a pool of connections per lock they can never wait for each other's connections.
   */
  storeLock?: Lock;
  /** Hocuspocus extensions, e.g. Redis to join instances. */
  extensions?: Extension[];
  /** Releases what the options above hold (connections), after everything is saved. */
  onClose?: () => Promise<void>;
  saverTiming?: Partial<SaverTiming>;
  /** Which proxies may name the client's address (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Per-address limits; the defaults in limits/rate-limits.ts otherwise. */
  rateLimiter?: RateLimiter;
  /** How instances learn of replaced links and deleted post-mortems; within this process when absent. */
  accessSignal?: AccessSignal;
  /** How often open connections' keys are checked again, catching a missed signal (postmortems/access-sweep.ts). */
  accessRecheckMs?: number;
  /** When reveals may release notes (REVEAL_RULES in the model); tests shorten the cooldowns. */
  revealRules?: Partial<RevealRules>;
  /** What one WebSocket may cost (collab/socket-limits.ts); tests lower them. */
  socketLimits?: Partial<SocketLimits>;
  /** When this instance stops taking new connections (load/load-monitor.ts; MAX_CONNECTIONS, BUSY_DELAY_MS). */
  loadLimits?: Partial<LoadLimits>;
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
    // Fastify's own type for this option resolves the http/https/http2 overloads badly when given a union.
    trustProxy: (options.trustProxy ?? false) as boolean,
  });
  const trustProxy = options.trustProxy ?? false;
  const limiter = options.rateLimiter ?? createRateLimiter();
  const log: FastifyBaseLogger = http.log;
  const lock = options.lock ?? new KeyedLock();
  const { collab, saver, guard } = createCollab({
    storage,
    log,
    lock: options.storeLock ?? new KeyedLock(),
    extensions: options.extensions,
    saverTiming: options.saverTiming,
  });
  // The API speaks JSON only; anything else is a clear 415 rather than a string that fails validation.
  http.removeContentTypeParser('text/plain');
  installErrorHandler(http);
  await securityHeaders(http);
  refuseOtherHosts(http, options.allowedHosts ?? null);
  const load = new LoadMonitor(options.loadLimits);
  await http.register(healthRoutes(load));
  const revokeAccess = accessRevoker(collab, options.accessSignal ?? localAccessSignal(), log);
  const stopSweep = sweepRevokedAccess(collab, storage, log, options.accessRecheckMs);
  await http.register(postmortemRoutes(storage, limiter, { lock: scopedLock(lock, 'keys'), revokeAccess }, options.publicUrl));
  // One lock for every server writer of `<id>/notes`.
  const notesLock = scopedLock(lock, 'notes');
  await http.register(noteRoutes(storage, new NotesService(storage, collab, notesLock, { ...REVEAL_RULES, ...options.revealRules }), limiter));
  await http.register(voteRoutes(storage, new VotingService(storage, collab, notesLock), limiter));
  const actions = new ActionsService(storage, collab, scopedLock(lock, 'findings'));
  await http.register(actionRoutes(actions, limiter, options.publicUrl));
  await http.register(actionFollowUpRoutes(storage, actions));
  await http.register(timelineImportRoutes(storage, new TimelineImportService(storage, collab, scopedLock(lock, 'board')), limiter));
  await http.register(learningRoutes(new LearningService(storage, actions), limiter));
  await http.register(
    reportRoutes(storage, new ReportsService(storage, collab, scopedLock(lock, 'reports'), revokeAccess), limiter, options.publicUrl),
  );
  await http.register(webAppRoutes(options.webDist));
  const closeSockets = attachCollabSocket(http.server, collab, {
    limiter,
    trustProxy,
    allowedHosts: options.allowedHosts,
    log,
    guard,
    limits: options.socketLimits,
    load,
  });

  const connections = trackConnections(http.server);
  let closing: Promise<void> | undefined;
  const warn = (message: string) => log.warn(message);
  const close = () =>
    (closing ??= (async () => {
      closeSockets();
      load.stop();
      stopSweep();
      saver.stop();
      await step('saving open documents', () => saver.saveAll(), warn);
      // Everything is saved: requests still in flight get a grace, then whatever connection is left is cut (a peer
      // that never closes would otherwise hold the HTTP server's close, and the process, for ever).
      const cut = setTimeout(() => {
        const count = connections.cutAll();
        if (count > 0) warn(`shutdown cut ${count} connection(s) still open after ${HTTP_GRACE_MS / 1000} s`);
      }, HTTP_GRACE_MS);
      cut.unref();
      await step('the HTTP server to close', () => http.close(), warn);
      clearTimeout(cut);
      await step('collaboration hooks', () => collab.hooks('onDestroy', { instance: collab }), warn);
      await step('the scale-out connections', async () => options.onClose?.(), warn);
      await step('storage to close', () => storage.close(), warn);
    })());

  return { http, collab, close };
}
