import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import {
  adjacentPhase,
  CAPS,
  DEFAULT_NOTE_COLOR,
  moderateRevealedNote,
  newId,
  notesMap,
  PHASES,
  readFacilitation,
  removeRevealedNote,
  revealNotes,
  revealTimes,
  REVEAL_RULES,
  setHeldCount,
  setPhase,
  updateRevealedNote,
  type NoteContent,
} from '@debrief/model';
import type { EditNoteRequest, ModerateNotesRequest, SubmitNoteRequest } from '@debrief/protocol';
import { currentDocument } from '../collab/current-document.ts';
import { writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import { generateKey, hashKey, keyMatches } from '../postmortems/keys.ts';
import type { NoteModeration, NoteRecord, Storage } from '../storage/storage.ts';
import { shuffle } from './shuffle.ts';

const PHASE_IDS = PHASES.map((phase) => phase.id);

/** Why a note operation was refused. */
export class NoteAccessError extends Error {
  constructor(readonly reason: 'not_found' | 'wrong_secret' | 'limit_reached' | 'moderated') {
    super(reason);
  }
}

/** Why a reveal released nothing: too few notes wait, the last reveal was too recent, or Observations already ended. */
export class RevealRefusedError extends Error {
  constructor(
    readonly reason: 'too_few_notes' | 'cooldown' | 'not_observations',
    /** How many notes wait. */
    readonly waiting: number,
    /** How many a reveal needs (too_few_notes), or how long until one may happen (cooldown). */
    readonly needed: { minNotes: number; retryAfterMs: number },
  ) {
    super(reason);
  }
}

/** The reveal rules in force (REVEAL_RULES; tests shorten the cooldowns). */
export type RevealRules = { minNotes: number; cooldownMs: number; smallCooldownMs: number };

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
    private readonly rules: RevealRules = REVEAL_RULES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds a new note for the next reveal; returns its id and the author's secret. */
  submit(postmortemId: string, input: SubmitNoteRequest): Promise<{ id: string; secret: string }> {
    return this.lock.run(postmortemId, async () => {
      const count = await this.storage.countNotes(postmortemId);
      if (count.active >= CAPS.notes || count.stored >= CAPS.storedNotes) throw new NoteAccessError('limit_reached');
      const id = newId();
      const secret = generateKey();
      const held: NoteContent = { text: input.text, color: input.color ?? DEFAULT_NOTE_COLOR, eventId: input.eventId ?? null };
      await this.storage.createNote(postmortemId, { id, secretHash: hashKey(secret), held });
      await this.#publishHeldCount(postmortemId);
      return { id, secret };
    });
  }

  /** Changes a note's text, colour or event link, held or revealed (not once the facilitator moderated it). */
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
      // The facilitator's decision stands: an edit would put the hidden words back, or undo the paraphrase.
      if (note.moderation) throw new NoteAccessError('moderated');
      let found = false;
      await this.#write(
        postmortemId,
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
      await this.#write(
        postmortemId,
        (doc) => removeRevealedNote(doc, noteId),
        (state) => this.storage.deleteNote(postmortemId, noteId, state),
      );
    });
  }

  /**
   * Releases every held note at once, in random order; returns how many. Refuses (RevealRefusedError) while fewer
   * than the minimum wait, and within the cooldowns. `final` ends the Observations phase: it releases fewer than the
   * minimum too, and moves the session on to the phase after Observations itself, so a small release cannot be
   * repeated without visibly going back (and waiting out the small-round cooldown); refused once Observations ended.
   */
  reveal(postmortemId: string, options: { final?: boolean } = {}): Promise<number> {
    return this.lock.run(postmortemId, async () => {
      if (options.final) {
        const findings = await currentDocument({ collab: this.collab, storage: this.storage }, postmortemId, 'findings');
        const phase = readFacilitation(findings).phase;
        findings.destroy();
        if (PHASE_IDS.indexOf(phase) > PHASE_IDS.indexOf('observations'))
          throw new RevealRefusedError('not_observations', 0, { minNotes: this.rules.minNotes, retryAfterMs: 0 });
      }
      const revealed = await this.#release(postmortemId, options.final === true);
      if (options.final) {
        await writeAsServer(
          { collab: this.collab, storage: this.storage },
          postmortemId,
          'findings',
          (doc) => setPhase(doc, adjacentPhase('observations', 1)),
          (state) => this.storage.storeDocument(postmortemId, 'findings', state),
        );
      }
      return revealed;
    });
  }

  async #release(postmortemId: string, final: boolean): Promise<number> {
    const held = await this.storage.listHeldNotes(postmortemId);
    if (held.length === 0) return 0;
    const small = held.length < this.rules.minNotes;
    if (small && !final) throw new RevealRefusedError('too_few_notes', held.length, { minNotes: this.rules.minNotes, retryAfterMs: 0 });
    const doc = await currentDocument({ collab: this.collab, storage: this.storage }, postmortemId, 'notes');
    const times = revealTimes(doc);
    doc.destroy();
    const now = this.now();
    const wait = Math.max(times.last + this.rules.cooldownMs - now, small ? times.lastSmall + this.rules.smallCooldownMs - now : 0);
    if (wait > 0) throw new RevealRefusedError('cooldown', held.length, { minNotes: this.rules.minNotes, retryAfterMs: wait });
    const order = shuffle(held).map((note) => ({ id: note.id, ...note.held! }));
    await this.#write(
      postmortemId,
      (doc) => {
        revealNotes(doc, order, now);
        setHeldCount(doc, 0);
      },
      (state) =>
        this.storage.releaseHeldNotes(
          postmortemId,
          order.map((note) => note.id),
          state,
        ),
    );
    return order.length;
  }

  /**
   * The facilitator hides revealed notes, shows them again, or paraphrases one. The author's words leave the
   * notes document while a note is moderated (storage keeps them, to show it again). Returns how many changed;
   * held and unknown notes are skipped.
   */
  moderate(postmortemId: string, request: ModerateNotesRequest): Promise<number> {
    return this.lock.run(postmortemId, async () => {
      const ids = request.action === 'paraphrase' ? [request.noteId] : [...new Set(request.noteIds)];
      const records = new Map<string, NoteRecord>();
      for (const id of ids) {
        const record = await this.storage.getNote(postmortemId, id);
        if (record && !record.held) records.set(id, record);
      }
      if (records.size === 0) return 0;
      const changes: { noteId: string; moderation: NoteModeration | null }[] = [];
      await this.#write(
        postmortemId,
        (doc) => {
          for (const [id, record] of records) {
            const change = moderation(doc, id, record, request);
            if (change) changes.push({ noteId: id, moderation: change.moderation });
          }
        },
        (state) => this.storage.moderateNotes(postmortemId, changes, state),
      );
      return changes.length;
    });
  }

  async #authorNote(postmortemId: string, noteId: string, secret: string): Promise<NoteRecord> {
    const note = await this.storage.getNote(postmortemId, noteId);
    if (!note) throw new NoteAccessError('not_found');
    if (!keyMatches(secret, note.secretHash)) throw new NoteAccessError('wrong_secret');
    return note;
  }

  #write(postmortemId: string, change: (doc: Y.Doc) => void, persist: (state: Uint8Array) => Promise<void>): Promise<void> {
    return writeAsServer({ collab: this.collab, storage: this.storage }, postmortemId, 'notes', change, persist);
  }

  /** Publishes the number of held notes (the count is all anyone learns before a reveal). */
  async #publishHeldCount(postmortemId: string): Promise<void> {
    const count = (await this.storage.listHeldNotes(postmortemId)).length;
    await this.#write(
      postmortemId,
      (doc) => setHeldCount(doc, count),
      (state) => this.storage.storeDocument(postmortemId, 'notes', state),
    );
  }
}

/** Applies one moderation to a note in the document; returns what storage must keep, or null when nothing changes. */
function moderation(doc: Y.Doc, id: string, record: NoteRecord, request: ModerateNotesRequest): { moderation: NoteModeration | null } | null {
  const entry = notesMap(doc).get(id);
  if (!entry) return null;
  const current = entry.get('text');
  const original = record.moderation?.original ?? (typeof current === 'string' ? current : '');
  switch (request.action) {
    case 'hide':
      if (record.moderation?.state === 'hidden') return null;
      moderateRevealedNote(doc, id, { state: 'hidden' });
      return { moderation: { state: 'hidden', original } };
    case 'paraphrase':
      moderateRevealedNote(doc, id, { state: 'paraphrased', text: request.text });
      return { moderation: { state: 'paraphrased', original } };
    case 'show':
      if (!record.moderation) return null;
      moderateRevealedNote(doc, id, { state: '', text: original });
      return { moderation: null };
  }
}
