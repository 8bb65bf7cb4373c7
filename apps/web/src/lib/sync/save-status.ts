import * as Y from 'yjs';
import { parseSaveStatus } from '@debrief/protocol';

/** Whether this browser's own edits are durable on the server. */
export type SaveState = 'saved' | 'saving' | 'not-saved';

/**
 * Follows the server's save messages for the documents this browser edits. An edit counts as saved once a `saved`
 * message's state vector includes it (not merely once the server received it); `not-saved` means storage is
 * failing and the server keeps retrying.
 */
export class SaveWatcher {
  readonly #durable = new Map<Y.Doc, Map<number, number>>();
  /** Documents whose last save failed (per document: a save of one says nothing about another). */
  readonly #failing = new Set<Y.Doc>();
  #last: SaveState = 'saved';

  constructor(
    private readonly docs: readonly Y.Doc[],
    private readonly onChange: (state: SaveState) => void,
  ) {
    for (const doc of docs) doc.on('update', this.#recheck);
  }

  /** A stateless message the server sent for `doc`; anything that is not a save status is ignored. */
  receive(doc: Y.Doc, payload: string): void {
    const message = parseSaveStatus(payload);
    // Only the documents this browser edits matter here (not, say, the read-only notes).
    if (!message || !this.docs.includes(doc)) return;
    if (message.type === 'saved') {
      this.#durable.set(doc, Y.decodeStateVector(Uint8Array.from(atob(message.stateVector), (c) => c.charCodeAt(0))));
      this.#failing.delete(doc);
    } else {
      this.#failing.add(doc);
    }
    this.#recheck();
  }

  get state(): SaveState {
    const pending = this.docs.filter((doc) => Y.getState(doc.store, doc.clientID) > (this.#durable.get(doc)?.get(doc.clientID) ?? 0));
    if (pending.length === 0) return 'saved';
    return pending.some((doc) => this.#failing.has(doc)) ? 'not-saved' : 'saving';
  }

  destroy(): void {
    for (const doc of this.docs) doc.off('update', this.#recheck);
  }

  readonly #recheck = () => {
    const state = this.state;
    if (state !== this.#last) {
      this.#last = state;
      this.onChange(state);
    }
  };
}
