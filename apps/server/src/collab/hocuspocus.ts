import { Hocuspocus, isTransactionOrigin, type Extension } from '@hocuspocus/server';
import type { Storage } from '../storage/storage.ts';
import { closeRevoked } from '../postmortems/revoke-access.ts';
import { authenticate, stillAuthorized, type CollabContext } from './auth.ts';
import { DocumentSaver, STORAGE_ORIGIN, type SaverTiming } from './document-saver.ts';
import { loadDocument, type PersistenceLog } from './persistence.ts';
import { DocumentGuard } from './document-guard.ts';
import { batchAwareness } from './awareness-batching.ts';
import { PresenceGuard } from './presence-guard.ts';
import { SOCKET_LIMITS } from './socket-limits.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';

export interface CollabOptions {
  storage: Storage;
  log: PersistenceLog;
  /** Serialises saves of one document; shared across instances when there are several. */
  lock: Lock;
  /** E.g. the Redis extension that joins instances. */
  extensions?: Extension[];
  saverTiming?: Partial<SaverTiming>;
}

/** Changes another instance relays (it stores them) or that came from storage need no save here. */
function needsSave(origin: unknown): boolean {
  if (origin === STORAGE_ORIGIN) return false;
  return !(isTransactionOrigin(origin) && origin.source === 'redis');
}

/** A change a client's connection made (not storage, another instance or the server itself). */
function isClientChange(origin: unknown): origin is { source: 'connection'; connection: { sendStateless(payload: string): void } } {
  return isTransactionOrigin(origin) && origin.source === 'connection';
}

/** The Yjs sync engine with our auth and persistence hooks; the socket side lives in websocket.ts. */
export function createCollab(options: CollabOptions): { collab: Hocuspocus; saver: DocumentSaver; guard: DocumentGuard } {
  const { storage, log } = options;
  const saver = new DocumentSaver(storage, options.lock, log, options.saverTiming);
  const guard = new DocumentGuard();
  const presence = new PresenceGuard();
  // The key passed a moment ago; if storage cannot answer now, the connection keeps what that check gave it.
  const keyStillWorks = (context: CollabContext) =>
    stillAuthorized(storage, context).catch((error: unknown) => {
      log.warn({ err: error, postmortemId: context.postmortemId }, "could not check a new connection's key again");
      return true;
    });
  const collab = new Hocuspocus({
    name: 'debrief',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    flushDelay: false,
    // A second line behind the socket gate (websocket.ts), which enforces the same figures first.
    maxUnauthenticatedQueueSize: SOCKET_LIMITS.preAuthBytes,
    maxUnauthenticatedQueueMessages: SOCKET_LIMITS.preAuthMessages,
    maxPendingDocuments: SOCKET_LIMITS.documentsPerSocket,
    extensions: options.extensions ?? [],
    onAuthenticate: authenticate(storage),
    // Presence belongs to its owner, within limits (presence-guard.ts). Hocuspocus 4.7 loses every removal before
    // beforeHandleAwareness, so the owner's own are applied from beforeHandleMessage, in order with its messages.
    beforeHandleAwareness: async (payload) => presence.filter(payload),
    beforeHandleMessage: async (payload) => presence.removeOwn(payload),
    onLoadDocument: loadDocument(storage, log),
    afterLoadDocument: async ({ document }) => {
      batchAwareness(document);
      guard.loaded(document, isClientChange);
    },
    onChange: async ({ document, transactionOrigin, update }) => {
      if (needsSave(transactionOrigin)) saver.changed(document);
      if (isClientChange(transactionOrigin)) guard.changed(document, update, transactionOrigin.connection);
    },
    // The saver logs a failure, tells clients and retries; the document stays loaded (below) until it is saved.
    onStoreDocument: ({ document }) => saver.save(document).catch(() => undefined),
    beforeUnloadDocument: async ({ documentName }) => {
      if (saver.hasUnsaved(documentName)) throw new Error('kept in memory until it is saved');
    },
    afterUnloadDocument: async ({ documentName }) => {
      guard.forget(documentName);
      saver.unloaded(documentName);
    },
    connected: async ({ documentName, connection, context }) => {
      (context as CollabContext).gate?.authenticated(documentName);
      if (!(await keyStillWorks(context as CollabContext))) {
        closeRevoked(connection);
        return;
      }
      // A client that (re)connects learns what is already durable, rather than waiting for the next save.
      const saved = saver.lastSaved(documentName);
      if (saved) connection.sendStateless(JSON.stringify(saved));
    },
  });
  saver.attach(collab);
  return { collab, saver, guard };
}
