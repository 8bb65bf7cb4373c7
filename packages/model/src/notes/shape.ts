import * as Y from 'yjs';
import { META_KEY } from '../schema/versioning.ts';
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteColor } from './colors.ts';

/**
 * The notes document (`<id>/notes`): revealed anonymous observations. Only the server writes it; every
 * connection is read-only. Nothing here names, times or otherwise points at an author.
 *
 *   meta:  Y.Map  { schemaVersion: number, heldCount: number, rounds: number,
 *                   votingOpen: boolean, votesPerPerson: number,
 *                   lastRevealAt: number (epoch ms of the last reveal, 0 before the first),
 *                   lastSmallRevealAt: number (epoch ms of the last reveal of fewer than REVEAL_RULES.minNotes),
 *                   lastRoundSize: number (how many notes the last reveal released; absent before it was kept) }
 *   votes: Y.Map<target, count>   dot-vote tallies (see votes.ts)
 *   notes: Y.Map<noteId, Y.Map>  each note:
 *          { id, text: string, color: NoteColor, eventId: string ('' for none),
 *            round: number (which reveal released it), position: number (shuffled display order),
 *            moderation: '' | 'hidden' | 'paraphrased' (set by the facilitator; a hidden note's text is '') }
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
  const text = note.get('text');
  const color = note.get('color');
  const eventId = note.get('eventId');
  const round = note.get('round');
  const position = note.get('position');
  const moderation = note.get('moderation');
  return {
    id,
    text: typeof text === 'string' ? text : '',
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    eventId: typeof eventId === 'string' && eventId !== '' ? eventId : null,
    round: typeof round === 'number' ? round : 0,
    position: typeof position === 'number' ? position : 0,
    moderation: moderation === 'hidden' || moderation === 'paraphrased' ? moderation : '',
  };
}

/** All revealed notes (hidden ones included) in their shuffled display order, the same on every client. */
export function readNotes(doc: Y.Doc): RevealedNote[] {
  const notes: RevealedNote[] = [];
  notesMap(doc).forEach((note, id) => {
    if (note instanceof Y.Map) notes.push(readNote(id, note));
  });
  return notes.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}
