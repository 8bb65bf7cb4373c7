import { LIMITS } from '../limits.ts';
import { NOTE_COLORS } from '../notes/colors.ts';
import { ID_FIELD, type RecordSpec } from './fields.ts';

/** `<id>/notes` → `meta`: reveal and voting state. The server writes this document; every connection reads it. */
export const NOTES_META_RECORD = {
  name: 'notes meta',
  fields: {
    schemaVersion: { type: 'number', doc: 'the document schema version (server only)' },
    heldCount: { type: 'number', doc: 'notes waiting for the next reveal (a count, nothing more)' },
    rounds: { type: 'number', doc: 'how many reveals have happened' },
    votingOpen: { type: 'boolean', doc: 'whether dot voting is open' },
    votesPerPerson: { type: 'number', doc: 'dots each ballot may place' },
    lastRevealAt: { type: 'number', doc: 'epoch ms of the last reveal, 0 before the first' },
    lastSmallRevealAt: { type: 'number', doc: 'epoch ms of the last reveal of fewer than 3 notes, 0 for none' },
    lastRoundSize: { type: 'number', doc: 'how many notes the last reveal released' },
    publishedVersion: { type: 'number', doc: 'the latest published report version, 0 before the first' },
  },
} as const satisfies RecordSpec;

/** `<id>/notes` → `notes` (by id): a revealed anonymous note. Nothing names, times or points at its author. */
export const NOTE_RECORD = {
  name: 'note',
  fields: {
    id: ID_FIELD,
    text: { type: 'string', max: LIMITS.noteText, doc: 'the observation ("" when hidden; the facilitator’s words when paraphrased)' },
    color: { type: 'enum', values: NOTE_COLORS, doc: 'the sticky note’s colour' },
    eventId: { type: 'string', max: 64, doc: 'the timeline event it is about, or ""' },
    round: { type: 'number', doc: 'which reveal released it' },
    position: { type: 'number', doc: 'display order, shuffled at the reveal, the same for everyone' },
    moderation: { type: 'enum', values: ['', 'hidden', 'paraphrased'], doc: 'what the facilitator did to it' },
  },
} as const satisfies RecordSpec;

export const NOTES_RECORDS = {
  single: { meta: NOTES_META_RECORD },
  collections: { notes: NOTE_RECORD },
} as const;
