import * as Y from 'yjs';
import type { NoteColor } from './colors.ts';
import { writeFields } from '../schema/fields.ts';
import { NOTE_RECORD, NOTES_META_RECORD } from '../schema/notes-records.ts';
import { notesMap, notesMeta, readNotes, revealRounds, REVEAL_RULES } from './shape.ts';

/** A note's content as the server holds it before reveal. */
export interface NoteContent {
  text: string;
  color: NoteColor;
  eventId: string | null;
}

/**
 * Adds held notes as one reveal round, in the order given (the caller shuffles), after every earlier note.
 * Server-only: clients are read-only on the notes document.
 */
export function revealNotes(doc: Y.Doc, notes: ReadonlyArray<NoteContent & { id: string }>, now = Date.now()): void {
  doc.transact(() => {
    const round = revealRounds(doc) + 1;
    let position = readNotes(doc).reduce((max, note) => Math.max(max, note.position), 0);
    for (const note of notes) {
      const entry = new Y.Map<unknown>();
      notesMap(doc).set(note.id, entry);
      writeFields(entry, NOTE_RECORD, {
        id: note.id,
        text: note.text,
        color: note.color,
        eventId: note.eventId ?? '',
        round,
        position: ++position,
        moderation: '',
      });
    }
    writeFields(notesMeta(doc), NOTES_META_RECORD, {
      rounds: round,
      lastRevealAt: now,
      lastRoundSize: notes.length,
      ...(notes.length < REVEAL_RULES.minNotes ? { lastSmallRevealAt: now } : {}),
    });
  });
}

/**
 * The facilitator's moderation of a revealed note: hidden (its text leaves the document, so nobody receives it any
 * more), paraphrased (the facilitator's words replace the author's, marked as such) or shown again with `text`,
 * the author's words. Returns false if the note is not there.
 */
export function moderateRevealedNote(doc: Y.Doc, id: string, moderation: { state: 'hidden' } | { state: 'paraphrased' | ''; text: string }): boolean {
  const note = notesMap(doc).get(id);
  if (!note) return false;
  doc.transact(() => writeFields(note, NOTE_RECORD, { moderation: moderation.state, text: moderation.state === 'hidden' ? '' : moderation.text }));
  return true;
}

/** Replaces the content of a revealed note; returns false if it is not there. */
export function updateRevealedNote(doc: Y.Doc, id: string, content: Partial<NoteContent>): boolean {
  const note = notesMap(doc).get(id);
  if (!note) return false;
  const { eventId, ...rest } = content;
  doc.transact(() => writeFields(note, NOTE_RECORD, { ...rest, ...(eventId !== undefined ? { eventId: eventId ?? '' } : {}) }));
  return true;
}

/** Removes a revealed note; returns false if it is not there. */
export function removeRevealedNote(doc: Y.Doc, id: string): boolean {
  if (!notesMap(doc).has(id)) return false;
  doc.transact(() => notesMap(doc).delete(id));
  return true;
}

/** Publishes how many notes are held (a count only). */
export function setHeldCount(doc: Y.Doc, count: number): void {
  if (notesMeta(doc).get('heldCount') !== count) doc.transact(() => writeFields(notesMeta(doc), NOTES_META_RECORD, { heldCount: count }));
}
