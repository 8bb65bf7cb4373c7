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
    if (!parsed || document.isDestroyed) return;
    const entry = this.#entry(document);
    const covers = entry.changes;
    let stateVector: Uint8Array | null = null;
    try {
      await this.lock.run(`store:${document.name}`, async () => {
        // A post-mortem deleted while its documents were open: there is nothing left to save them into.
        if (!(await this.storage.getPostmortem(parsed.postmortemId))) return;
        // Another instance may have stored changes this one has not received yet: keep them.
        const stored = await this.storage.loadDocument(parsed.postmortemId, parsed.kind);
        if (stored) Y.applyUpdate(document, stored, STORAGE_ORIGIN);
        const state = Y.encodeStateAsUpdate(document);
        await this.storage.storeDocument(parsed.postmortemId, parsed.kind, state);
        stateVector = Y.encodeStateVectorFromUpdate(state);
      });
    } catch (error) {
      this.#failed(entry, error);
      throw error;
    }
    entry.failures = 0;
    clearTimeout(entry.retry);
    entry.retry = undefined;
    entry.saved = Math.max(entry.saved, covers);
    if (stateVector) this.#tell(document, { type: 'saved', stateVector: Buffer.from(stateVector).toString('base64') });
    if (!this.hasUnsaved(document.name)) {
      clearTimeout(entry.watchdog);
      this.#entries.delete(document.name);
      // Kept in memory while unsaved; now it may go if nobody is connected.
      if (document.getConnectionsCount() === 0) void this.#instance?.unloadDocument(document);
    }
  }

  /** Saves every loaded document now (shutdown), instead of waiting for the debounce. */
  async saveAll(): Promise<void> {
    const documents = [...(this.#instance?.documents.values() ?? [])];
    await Promise.all(documents.map((document) => this.save(document)));
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
    this.log.error({ documentName: entry.document.name, failures: entry.failures, retryInMs, err: String(error) }, 'saving a document failed; it stays in memory and will be retried');
    this.#tell(entry.document, { type: 'not-saved', retryInMs });
    clearTimeout(entry.retry);
    if (this.#stopped) return;
    entry.retry = setTimeout(() => {
      entry.retry = undefined;
      void this.save(entry.document).catch(() => undefined);
    }, retryInMs);
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
