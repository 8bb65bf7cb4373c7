import type { Hocuspocus } from '@hocuspocus/server';
import {
  CAPS,
  DEFAULT_NOTE_COLOR,
  newId,
  removeRevealedNote,
  revealNotes,
  setHeldCount,
  updateRevealedNote,
  type NoteContent,
} from '@debrief/model';
import type { EditNoteRequest, SubmitNoteRequest } from '@debrief/protocol';
import { writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import { generateKey, hashKey, keyMatches } from '../postmortems/keys.ts';
import type { NoteRecord, Storage } from '../storage/storage.ts';
import { shuffle } from './shuffle.ts';

/** Why a note operation was refused. */
export class NoteAccessError extends Error {
  constructor(readonly reason: 'not_found' | 'wrong_secret' | 'limit_reached') {
    super(reason);
  }
}

/**
 * Anonymous observations: held in storage until the facilitator reveals them, then written into `<id>/notes`
 * by the server, so no participant's Yjs client id, name, key, address or time is ever attached to one.
 * Every operation is durable before it returns.
 */
export class NotesService {
  constructor(
    private readonly storage: Storage,
    private readonly collab: Hocuspocus,
    /** Shared with every other writer of `<id>/notes`, so their changes never interleave. */
    private readonly lock: Lock,
  ) {}

  /** Holds a new note for the next reveal; returns its id and the author's secret. */
  submit(postmortemId: string, input: SubmitNoteRequest): Promise<{ id: string; secret: string }> {
    return this.lock.run(postmortemId, async () => {
      if ((await this.storage.countNotes(postmortemId)) >= CAPS.notes) throw new NoteAccessError('limit_reached');
      const id = newId();
      const secret = generateKey();
      const held: NoteContent = { text: input.text, color: input.color ?? DEFAULT_NOTE_COLOR, eventId: input.eventId ?? null };
      await this.storage.createNote(postmortemId, { id, secretHash: hashKey(secret), held });
      await this.#publishHeldCount(postmortemId);
      return { id, secret };
    });
  }

  /** Changes a note's text, colour or event link, held or revealed. */
  edit(postmortemId: string, noteId: string, secret: string, patch: EditNoteRequest): Promise<void> {
    return this.lock.run(postmortemId, async () => {
      const note = await this.#authorNote(postmortemId, noteId, secret);
      if (note.held) {
        await this.storage.updateHeldNote(postmortemId, noteId, {
          text: patch.text ?? note.held.text,
          color: patch.color ?? note.held.color,
          eventId: patch.eventId === undefined ? note.held.eventId : patch.eventId,
        });
        return;
      }
      let found = false;
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'notes',
        (doc) => (found = updateRevealedNote(doc, noteId, patch)),
        (state) => this.storage.storeDocument(postmortemId, 'notes', state),
      );
      if (!found) throw new NoteAccessError('not_found');
    });
  }

  /** Withdraws a note, held or revealed. */
  withdraw(postmortemId: string, noteId: string, secret: string): Promise<void> {
    return this.lock.run(postmortemId, async () => {
      const note = await this.#authorNote(postmortemId, noteId, secret);
      if (note.held) {
        await this.storage.deleteNote(postmortemId, noteId, null);
        await this.#publishHeldCount(postmortemId);
        return;
      }
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'notes',
        (doc) => removeRevealedNote(doc, noteId),
        (state) => this.storage.deleteNote(postmortemId, noteId, state),
      );
    });
  }

  /** Releases every held note at once, in random order; returns how many. */
  reveal(postmortemId: string): Promise<number> {
    return this.lock.run(postmortemId, async () => {
      const held = await this.storage.listHeldNotes(postmortemId);
      if (held.length === 0) return 0;
      const order = shuffle(held).map((note) => ({ id: note.id, ...note.held! }));
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'notes',
        (doc) => {
          revealNotes(doc, order);
          setHeldCount(doc, 0);
        },
        (state) => this.storage.releaseHeldNotes(postmortemId, order.map((note) => note.id), state),
      );
      return order.length;
    });
  }

  async #authorNote(postmortemId: string, noteId: string, secret: string): Promise<NoteRecord> {
    const note = await this.storage.getNote(postmortemId, noteId);
    if (!note) throw new NoteAccessError('not_found');
    if (!keyMatches(secret, note.secretHash)) throw new NoteAccessError('wrong_secret');
    return note;
  }

  /** Publishes the number of held notes (the count is all anyone learns before a reveal). */
  async #publishHeldCount(postmortemId: string): Promise<void> {
    const count = (await this.storage.listHeldNotes(postmortemId)).length;
    await writeAsServer(
      { collab: this.collab, storage: this.storage },
      postmortemId,
      'notes',
      (doc) => setHeldCount(doc, count),
      (state) => this.storage.storeDocument(postmortemId, 'notes', state),
    );
  }
}
