import type { Document, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocumentName, type SaveStatusMessage } from '@debrief/protocol';
import type { Lock } from '../postmortems/keyed-lock.ts';
import type { Storage } from '../storage/storage.ts';
import type { PersistenceLog } from './persistence.ts';

/** The transaction origin of stored state merged into a live document before it is saved. */
export const STORAGE_ORIGIN = Symbol('debrief-storage');

export interface SaverTiming {
  /** First retry after a failed save; doubles up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A document still unsaved this long after a change is saved regardless (e.g. a save another instance skipped). */
  watchdogMs: number;
}

const DEFAULT_TIMING: SaverTiming = { retryBaseMs: 1_000, retryMaxMs: 15_000, watchdogMs: 15_000 };

/** Each engine's saver, so a server write can hold the same lock as saves of the document it changes. */
const SAVERS = new WeakMap<Hocuspocus, DocumentSaver>();

/**
 * Runs `task` holding the lock that saves of `documentName` take (on every instance), so a server write's
 * read-change-store cannot interleave with a save of the same document and store an older state over it.
 */
export function withSaveLock<T>(collab: Hocuspocus, documentName: string, task: () => Promise<T>): Promise<T> {
  const saver = SAVERS.get(collab);
  return saver ? saver.exclusive(documentName, task) : task();
}

interface Entry {
  document: Document;
  /** Changes seen, and how many of them the last successful save covered. */
  changes: number;
  saved: number;
  failures: number;
  retry?: NodeJS.Timeout;
  watchdog?: NodeJS.Timeout;
}

/**
 * Saves live documents so that no acknowledged edit is lost: each save merges what storage already holds (under
 * a lock shared by every instance), a failed save is retried with backoff while the document stays in memory,
 * and clients are told what is durable (`saved` with a state vector) or that it is not yet (`not-saved`).
 */
export class DocumentSaver {
  readonly #entries = new Map<string, Entry>();
  /** What the last successful save of each loaded document made durable, for clients that connect later. */
  readonly #lastSaved = new Map<string, string>();
  readonly #timing: SaverTiming;
  #instance: Hocuspocus | undefined;
  #stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly lock: Lock,
    private readonly log: PersistenceLog,
    timing: Partial<SaverTiming> = {},
  ) {
    this.#timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** The engine whose documents are saved (unloaded once saved and idle). */
  attach(instance: Hocuspocus): void {
    this.#instance = instance;
    SAVERS.set(instance, this);
  }

  /** Runs `task` under the lock saves of this document take. */
  exclusive<T>(documentName: string, task: () => Promise<T>): Promise<T> {
    return this.lock.run(`store:${documentName}`, task);
  }

  /** A change this instance is responsible for storing (not one relayed from another instance or read from storage). */
  changed(document: Document): void {
    const entry = this.#entry(document);
    entry.changes++;
    entry.watchdog ??= setTimeout(() => {
      entry.watchdog = undefined;
      if (this.hasUnsaved(document.name)) void this.save(document).catch(() => undefined);
    }, this.#timing.watchdogMs);
  }

  /** True while a document has changes no successful save has covered. */
  hasUnsaved(documentName: string): boolean {
    const entry = this.#entries.get(documentName);
    return entry !== undefined && entry.saved < entry.changes;
  }

  /** Saves now. On failure: clients hear "not saved", a retry is scheduled, and the error is rethrown. */
  async save(document: Document): Promise<void> {
    const parsed = parseDocumentName(document.name);
    if (!parsed) return;
    if (document.isDestroyed) {
      this.#forget(document);
      return;
    }
    const entry = this.#entry(document);
    const covers = entry.changes;
    let stateVector: Uint8Array | null = null;
    try {
      await this.exclusive(document.name, async () => {
        // A post-mortem deleted while its documents were open: there is nothing left to save them into.
        if (!(await this.storage.getPostmortem(parsed.postmortemId))) return;
        // Another instance may have stored changes this one has not received yet: keep them.
        const stored = await this.storage.loadDocument(parsed.postmortemId, parsed.kind);
        if (stored) Y.applyUpdate(document, stored, STORAGE_ORIGIN);
        const state = Y.encodeStateAsUpdate(document);
        // Read with the state, before the write yields: the same vector as the stored bytes hold, without decoding
        // the whole document again.
        const vector = Y.encodeStateVector(document);
        await this.storage.storeDocument(parsed.postmortemId, parsed.kind, state);
        stateVector = vector;
      });
    } catch (error) {
      this.#failed(entry, error);
      throw error;
    }
    entry.failures = 0;
    clearTimeout(entry.retry);
    entry.retry = undefined;
    entry.saved = Math.max(entry.saved, covers);
    if (stateVector) {
      const saved = Buffer.from(stateVector).toString('base64');
      this.#lastSaved.set(document.name, saved);
      this.#tell(document, { type: 'saved', stateVector: saved });
    }
    if (!this.hasUnsaved(document.name)) {
      this.#forget(document);
      // Kept in memory while unsaved; now it may go if nobody is connected.
      if (document.getConnectionsCount() === 0) void this.#instance?.unloadDocument(document);
    }
  }

  /** What a client that just connected should hear: the last durable state of the document, if known. */
  lastSaved(documentName: string): SaveStatusMessage | null {
    const stateVector = this.#lastSaved.get(documentName);
    return stateVector ? { type: 'saved', stateVector } : null;
  }

  /** A document left memory. */
  unloaded(documentName: string): void {
    this.#lastSaved.delete(documentName);
  }

  /** Saves every loaded document now (shutdown), instead of waiting for the debounce. */
  async saveAll(): Promise<void> {
    const documents = [...(this.#instance?.documents.values() ?? [])];
    // Every document gets its attempt even when another's fails; the first failure is reported afterwards.
    const results = await Promise.allSettled(documents.map((document) => this.save(document)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Stops retrying and telling clients (shutdown: the final save is the caller's). */
  stop(): void {
    this.#stopped = true;
    for (const entry of this.#entries.values()) {
      clearTimeout(entry.retry);
      clearTimeout(entry.watchdog);
    }
  }

  #failed(entry: Entry, error: unknown): void {
    entry.failures++;
    const retryInMs = Math.min(this.#timing.retryBaseMs * 2 ** (entry.failures - 1), this.#timing.retryMaxMs);
    this.log.error(
      { documentName: entry.document.name, failures: entry.failures, retryInMs, err: String(error) },
      'saving a document failed; it stays in memory and will be retried',
    );
    this.#tell(entry.document, { type: 'not-saved', retryInMs });
    clearTimeout(entry.retry);
    if (this.#stopped) return;
    entry.retry = setTimeout(() => {
      entry.retry = undefined;
      void this.save(entry.document).catch(() => undefined);
    }, retryInMs);
  }

  /** Drops what is tracked for this document object (not for a newer one loaded under the same name). */
  #forget(document: Document): void {
    const entry = this.#entries.get(document.name);
    if (entry?.document !== document) return;
    clearTimeout(entry.watchdog);
    clearTimeout(entry.retry);
    this.#entries.delete(document.name);
  }

  #tell(document: Document, message: SaveStatusMessage): void {
    // After stop() the sockets and the Redis connection are going away: saving still happens, telling does not.
    if (!this.#stopped && !document.isDestroyed) document.broadcastStateless(JSON.stringify(message));
  }

  #entry(document: Document): Entry {
    let entry = this.#entries.get(document.name);
    if (!entry || entry.document !== document) {
      entry = { document, changes: 0, saved: 0, failures: 0 };
      this.#entries.set(document.name, entry);
    }
    return entry;
  }
}
