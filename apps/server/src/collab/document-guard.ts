import { OutgoingMessage, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CAPS, trimToCaps } from '@debrief/model';
import { parseDocumentName, type LimitNotice, type RefusedNotice } from '@debrief/protocol';
import { SchemaGuard } from './schema-guard.ts';
import { SERVER_ORIGIN } from './server-writes.ts';

/** How often a full document is measured again while it is being cleaned up. */
const FULL_REMEASURE_MS = 1_000;

/** A document's size when last encoded, the bytes of changes since, and when that was (ms). */
interface Measurement {
  size: number;
  since: number;
  at: number;
}

/** Where the guard tells a writer what it changed back (Hocuspocus's connection). */
export interface Writer {
  sendStateless(payload: string): void;
}

/** The most fixes one notice lists. */
const MAX_FIXES_TOLD = 20;

/**
 * Keeps what clients write within the declared records (schema-guard.ts), and enforces each
 * post-mortem's caps on what clients write: events and factors beyond their caps are removed again
 * (a CRDT-friendly refusal everyone converges on); a change that would take a document to CAPS.documentBytes is
 * refused before it is applied, and a document at its cap (say, loaded so from storage) takes only deletions
 * (websocket.ts), so it can always be cleaned up. Measuring a document's size means encoding it, so that happens
 * only once the changes since the last measurement could have reached the cap.
 */
export class DocumentGuard {
  readonly #measured = new Map<string, Measurement>();
  readonly #full = new Set<string>();
  readonly #remeasure = new Map<string, NodeJS.Timeout>();
  readonly #schema = new SchemaGuard();
  /** The boards among the loaded documents (only boards have caps), known from the name once, not per change. */
  readonly #boards = new WeakSet<Document>();

  /** A document was loaded: follow what clients change in it (`isClientChange` tells their transactions apart). */
  loaded(document: Document, isClientChange: (origin: unknown) => boolean): void {
    const kind = parseDocumentName(document.name)?.kind;
    if (kind === 'board') this.#boards.add(document);
    if (kind === 'board' || kind === 'findings') this.#schema.watch(document, kind, isClientChange);
  }

  /** After a change a client (`writer`) made to `document`. */
  changed(document: Document, update: Uint8Array, writer?: Writer): void {
    try {
      this.#repair(document, writer);
      this.#trim(document);
    } finally {
      this.#measure(document, update);
    }
  }

  #repair(document: Document, writer: Writer | undefined): void {
    const fixes = this.#schema.repair(document, SERVER_ORIGIN);
    if (fixes.length === 0 || !writer) return;
    const notice: RefusedNotice = {
      type: 'refused',
      what: 'invalid-record',
      fixes: fixes.slice(0, MAX_FIXES_TOLD).map(({ record, field, problem }) => `${record}.${field.slice(0, 64)} ${problem}`.slice(0, 300)),
    };
    writer.sendStateless(JSON.stringify(notice));
  }

  #trim(document: Document): void {
    if (!this.#boards.has(document)) return;
    const trimmed = trimToCaps(document, SERVER_ORIGIN);
    if (trimmed > 0) {
      const what = document.getMap('events').size >= CAPS.events ? 'events' : 'factors';
      tell(document, { type: 'limit-reached', what, cap: CAPS[what] });
    }
  }

  #measure(document: Document, update: Uint8Array): void {
    const measured = this.#measured.get(document.name) ?? { size: 0, since: Number.POSITIVE_INFINITY, at: 0 };
    this.#measured.set(document.name, measured);
    measured.since += update.length;
    if (measured.size + measured.since < CAPS.documentBytes) return;
    // A full document takes only deletions, which shrink it; it is measured again at most once a second, so a
    // stream of tiny deletions cannot make the server encode megabytes for each.
    const wait = measured.at + FULL_REMEASURE_MS - Date.now();
    if (this.#full.has(document.name) && wait > 0) {
      if (!this.#remeasure.has(document.name)) {
        this.#remeasure.set(
          document.name,
          setTimeout(() => {
            this.#remeasure.delete(document.name);
            if (this.#measured.has(document.name)) this.#encodeAndCheck(document, measured);
          }, wait),
        );
      }
      return;
    }
    this.#encodeAndCheck(document, measured);
  }

  #encodeAndCheck(document: Document, measured: Measurement): void {
    measured.size = Y.encodeStateAsUpdate(document).length;
    measured.since = 0;
    measured.at = Date.now();
    if (measured.size >= CAPS.documentBytes) {
      if (!this.#full.has(document.name)) tell(document, { type: 'limit-reached', what: 'document', cap: CAPS.documentBytes });
      this.#full.add(document.name);
    } else this.#full.delete(document.name);
  }

  /**
   * Whether a client's change of `bytes` that adds something would take the document to its cap: then it is refused
   * before it is applied, so no single message makes the server apply, relay and store megabytes past the cap.
   * Measured afresh when the estimate (size at the last measurement plus every change since) comes close, at most
   * once a second, so a stream of refused changes cannot make the server encode the document for each.
   */
  wouldOverflow(document: Document, bytes: number): boolean {
    const measured = this.#measured.get(document.name) ?? { size: 0, since: Number.POSITIVE_INFINITY, at: 0 };
    this.#measured.set(document.name, measured);
    if (measured.size + measured.since + bytes < CAPS.documentBytes) return false;
    if (Date.now() - measured.at >= FULL_REMEASURE_MS) this.#encodeAndCheck(document, measured);
    return measured.size + measured.since + bytes >= CAPS.documentBytes;
  }

  /** True once a document reached its size cap: changes to it are no longer taken. */
  isFull(documentName: string): boolean {
    return this.#full.has(documentName);
  }

  /** A document left memory: measure it afresh when it is loaded again. */
  forget(documentName: string): void {
    clearTimeout(this.#remeasure.get(documentName));
    this.#remeasure.delete(documentName);
    this.#measured.delete(documentName);
    this.#full.delete(documentName);
  }
}

function tell(document: Document, notice: LimitNotice): void {
  document.broadcastStateless(JSON.stringify(notice));
}

/** A Hocuspocus stateless message for one socket (e.g. to answer a change refused because a document is full). */
export function statelessFrame(documentName: string, notice: LimitNotice | RefusedNotice): Uint8Array {
  return new OutgoingMessage(documentName).writeStateless(JSON.stringify(notice)).toUint8Array();
}
