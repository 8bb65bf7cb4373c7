import type * as Y from 'yjs';
import { shareUnchanged } from './stable.ts';
import { heldCount, notesMap, notesMeta, readNotes, type NoteColor, type RevealedNote } from '@debrief/model';
import { ApiRequestError, editNote, revealNotes, submitNote, withdrawNote } from '../api/client.ts';
import { loadMyNotes, saveMyNotes, type MyNote } from './my-notes.ts';

/** What a new or edited note says. */
export interface NoteDraft {
  text: string;
  color: NoteColor;
  eventId: string | null;
}

/**
 * Anonymous observations as this browser sees them: the revealed wall (from `<id>/notes`), how many wait for
 * the reveal, and this browser's own notes (known only here). Writing goes through the HTTP API, never Yjs.
 */
export class NotesState {
  revealed = $state.raw<RevealedNote[]>([]);
  waiting = $state(0);
  mine = $state.raw<MyNote[]>([]);
  readonly #unsubscribe: () => void;

  constructor(
    doc: Y.Doc,
    private readonly postmortemId: string,
    private readonly key: string,
  ) {
    this.mine = loadMyNotes(postmortemId);
    const refresh = () => {
      this.revealed = shareUnchanged(this.revealed, readNotes(doc));
      this.waiting = heldCount(doc);
    };
    refresh();
    notesMap(doc).observeDeep(refresh);
    notesMeta(doc).observe(refresh);
    this.#unsubscribe = () => {
      notesMap(doc).unobserveDeep(refresh);
      notesMeta(doc).unobserve(refresh);
    };
  }

  /** True when this browser wrote the note. */
  isMine(noteId: string): boolean {
    return this.mine.some((note) => note.id === noteId);
  }

  /** This browser's notes that are still waiting for the reveal. */
  get myWaiting(): MyNote[] {
    return this.mine.filter((note) => !this.revealed.some((shown) => shown.id === note.id));
  }

  async submit(draft: NoteDraft): Promise<void> {
    const { id, secret } = await submitNote(this.postmortemId, this.key, {
      text: draft.text,
      color: draft.color,
      eventId: draft.eventId,
    });
    this.#remember([...this.mine, { id, secret, ...draft }]);
  }

  async edit(noteId: string, draft: NoteDraft): Promise<void> {
    const note = this.#own(noteId);
    await editNote(this.postmortemId, this.key, noteId, note.secret, draft);
    this.#remember(this.mine.map((n) => (n.id === noteId ? { ...n, ...draft } : n)));
  }

  async withdraw(noteId: string): Promise<void> {
    const note = this.#own(noteId);
    try {
      await withdrawNote(this.postmortemId, this.key, noteId, note.secret);
    } catch (error) {
      // Already gone on the server: forget it here too.
      if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
    }
    this.#remember(this.mine.filter((n) => n.id !== noteId));
  }

  /** Releases every waiting note (facilitator only; the server refuses anyone else). */
  async reveal(): Promise<number> {
    return (await revealNotes(this.postmortemId, this.key)).revealed;
  }

  destroy(): void {
    this.#unsubscribe();
  }

  #own(noteId: string): MyNote {
    const note = this.mine.find((n) => n.id === noteId);
    if (!note) throw new Error('Only the author can change a note.');
    return note;
  }

  #remember(notes: MyNote[]): void {
    this.mine = notes;
    saveMyNotes(this.postmortemId, notes);
  }
}
