import type * as Y from 'yjs';
import { shareUnchanged } from './stable.ts';
import { heldCount, notesMap, notesMeta, publishedVersion, readNotes, revealTimes, type NoteColor, type RevealedNote } from '@debrief/model';
import type { ModerateNotesRequest } from '@debrief/protocol';
import { ApiRequestError, editNote, moderateNotes, revealNotes, submitNote, withdrawNote } from '../api/client.ts';
import { loadMyNotes, saveMyNotes, type MyNote } from './my-notes.ts';

/** What a new or edited note says. */
export interface NoteDraft {
  text: string;
  color: NoteColor;
  eventId: string | null;
}

/** Where one of this browser's notes stands: waiting for the reveal, on the board, or moderated by the facilitator. */
export type MyNoteStatus = 'waiting' | 'shown' | 'hidden' | 'paraphrased';

/** One of this browser's notes with its status, for the private "My notes" list. */
export interface MyNoteView extends MyNote {
  status: MyNoteStatus;
  /** What the board shows in its place: the facilitator's paraphrase, or the note itself. */
  shownText: string;
}

/**
 * Anonymous observations as this browser sees them: the revealed wall (from `<id>/notes`), how many wait for
 * the reveal, and this browser's own notes (known only here, and shown only in the private "My notes" list).
 * Writing goes through the HTTP API, never Yjs.
 */
export class NotesState {
  revealed = $state.raw<RevealedNote[]>([]);
  waiting = $state(0);
  /** When the last reveal happened, and the last one of fewer than the minimum (epoch ms; 0 for never). */
  reveals = $state.raw({ last: 0, lastSmall: 0, lastSize: 0 });
  mine = $state.raw<MyNote[]>([]);
  /** The latest published report version (0 before the first), as the server announced it. */
  published = $state(0);
  /** The revealed notes the wall shows: all but those the facilitator hid. */
  readonly visible: RevealedNote[] = $derived(this.revealed.filter((note) => note.moderation !== 'hidden'));
  /** This browser's notes, newest first, each with where it stands. */
  readonly myNotes: MyNoteView[] = $derived.by(() => {
    // A throwaway index rebuilt with the list, not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const onBoard = new Map(this.revealed.map((note) => [note.id, note]));
    return this.mine
      .map((note): MyNoteView => {
        const shown = onBoard.get(note.id);
        const status: MyNoteStatus = !shown ? 'waiting' : shown.moderation === '' ? 'shown' : shown.moderation;
        return { ...note, status, shownText: shown && status !== 'hidden' ? shown.text : note.text };
      })
      .reverse();
  });
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
      this.published = publishedVersion(doc);
      const times = revealTimes(doc);
      if (times.last !== this.reveals.last || times.lastSmall !== this.reveals.lastSmall || times.lastSize !== this.reveals.lastSize)
        this.reveals = times;
    };
    refresh();
    notesMap(doc).observeDeep(refresh);
    notesMeta(doc).observe(refresh);
    this.#unsubscribe = () => {
      notesMap(doc).unobserveDeep(refresh);
      notesMeta(doc).unobserve(refresh);
    };
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

  /**
   * Releases every waiting note (facilitator only; the server refuses anyone else). `final` when ending the
   * Observations phase, which releases fewer than the usual minimum too.
   */
  async reveal(final = false): Promise<number> {
    return (await revealNotes(this.postmortemId, this.key, final)).revealed;
  }

  /** Hides, shows again or paraphrases revealed notes (facilitator only). */
  async moderate(moderation: ModerateNotesRequest): Promise<number> {
    return (await moderateNotes(this.postmortemId, this.key, moderation)).moderated;
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
