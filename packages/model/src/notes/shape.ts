import * as Y from 'yjs';
import { META_KEY } from '../schema/versioning.ts';
import { type NoteColor } from './colors.ts';
import { NOTE_RECORD } from '../schema/notes-records.ts';
import { readRecord } from '../schema/fields.ts';

/**
 * The notes document (`<id>/notes`): revealed anonymous observations. Only the server writes it; every
 * connection is read-only. Nothing here names, times or otherwise points at an author. Its records (meta, note)
 * are declared in schema/notes-records.ts; `votes` holds the dot-vote tallies (votes.ts).
 */
export const NOTES_SCHEMA_VERSION = 3;

/** What the facilitator did to a revealed note: nothing, hid it from the board and the report, or paraphrased it. */
export type NoteModerationState = '' | 'hidden' | 'paraphrased';

/**
 * When a reveal may release notes. A reveal of one or two notes tells the room who just wrote them (the person who
 * stopped typing), so held notes are released in crowds: at least `minNotes` at once, at most one reveal per
 * `cooldownMs`. Only ending the Observations phase releases fewer, and that at most once per `smallCooldownMs`;
 * everyone sees that such a round was small.
 */
export const REVEAL_RULES = {
  minNotes: 3,
  cooldownMs: 30_000,
  smallCooldownMs: 10 * 60_000,
} as const;

/** One revealed note as plain values. */
export interface RevealedNote {
  id: string;
  text: string;
  color: NoteColor;
  eventId: string | null;
  round: number;
  position: number;
  moderation: NoteModerationState;
}

/** The notes document's metadata map. */
export function notesMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}

/** The map of revealed notes, keyed by note id. */
export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('notes');
}

/** How many submitted notes wait for the next reveal (a count, nothing more). */
export function heldCount(doc: Y.Doc): number {
  const value = notesMeta(doc).get('heldCount');
  return typeof value === 'number' && value >= 0 ? value : 0;
}

/**
 * When the last reveal happened, and the last one of fewer than REVEAL_RULES.minNotes (epoch ms; 0 for never), and
 * how many notes the last one released (0 when unknown), so a small round stays known after notes are withdrawn.
 */
export function revealTimes(doc: Y.Doc): { last: number; lastSmall: number; lastSize: number } {
  const at = (key: string) => {
    const value = notesMeta(doc).get(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  return { last: at('lastRevealAt'), lastSmall: at('lastSmallRevealAt'), lastSize: at('lastRoundSize') };
}

/** How many reveals have happened. */
export function revealRounds(doc: Y.Doc): number {
  const value = notesMeta(doc).get('rounds');
  return typeof value === 'number' ? value : 0;
}

function readNote(id: string, note: Y.Map<unknown>): RevealedNote {
  const { text, color, eventId, round, position, moderation } = readRecord(note, NOTE_RECORD);
  return { id, text, color, eventId: eventId || null, round, position, moderation };
}

/** All revealed notes (hidden ones included) in their shuffled display order, the same on every client. */
export function readNotes(doc: Y.Doc): RevealedNote[] {
  const notes: RevealedNote[] = [];
  notesMap(doc).forEach((note, id) => {
    if (note instanceof Y.Map) notes.push(readNote(id, note));
  });
  return notes.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}
