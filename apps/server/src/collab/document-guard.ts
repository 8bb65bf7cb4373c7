import { OutgoingMessage, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CAPS, trimToCaps } from '@debrief/model';
import { parseDocumentName, type LimitNotice } from '@debrief/protocol';
import { SERVER_ORIGIN } from './server-writes.ts';

/**
 * Enforces each post-mortem's caps on what clients write: events and factors beyond their caps are removed again
 * (a CRDT-friendly refusal everyone converges on), and a document past CAPS.documentBytes takes no more changes.
 * Measuring a document's size means encoding it, so that happens only once the changes since the last
 * measurement could have reached the cap.
 */
export class DocumentGuard {
  readonly #measured = new Map<string, { size: number; since: number }>();
  readonly #full = new Set<string>();

  /** After a change a client made to `document`. */
  changed(document: Document, update: Uint8Array): void {
    try {
      this.#trim(document);
    } finally {
      this.#measure(document, update);
    }
  }

  #trim(document: Document): void {
    if (parseDocumentName(document.name)?.kind !== 'board') return;
    const trimmed = trimToCaps(document, SERVER_ORIGIN);
    if (trimmed > 0) {
      const what = document.getMap('events').size >= CAPS.events ? 'events' : 'factors';
      tell(document, { type: 'limit-reached', what, cap: CAPS[what] });
    }
  }

  #measure(document: Document, update: Uint8Array): void {
    const measured = this.#measured.get(document.name) ?? { size: 0, since: Number.POSITIVE_INFINITY };
    measured.since += update.length;
    if (measured.size + measured.since >= CAPS.documentBytes) {
      measured.size = Y.encodeStateAsUpdate(document).length;
      measured.since = 0;
      if (measured.size >= CAPS.documentBytes) {
        if (!this.#full.has(document.name)) tell(document, { type: 'limit-reached', what: 'document', cap: CAPS.documentBytes });
        this.#full.add(document.name);
      } else this.#full.delete(document.name);
    }
    this.#measured.set(document.name, measured);
  }

  /** True once a document reached its size cap: changes to it are no longer taken. */
  isFull(documentName: string): boolean {
    return this.#full.has(documentName);
  }

  /** A document left memory: measure it afresh when it is loaded again. */
  forget(documentName: string): void {
    this.#measured.delete(documentName);
    this.#full.delete(documentName);
  }
}

function tell(document: Document, notice: LimitNotice): void {
  document.broadcastStateless(JSON.stringify(notice));
}

/** A Hocuspocus stateless message for one socket (e.g. to answer a change refused because a document is full). */
export function statelessFrame(documentName: string, notice: LimitNotice): Uint8Array {
  return new OutgoingMessage(documentName).writeStateless(JSON.stringify(notice)).toUint8Array();
}
