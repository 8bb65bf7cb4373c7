import { z } from 'zod';
import { CAPS, LIMITS, NOTE_COLORS } from '@debrief/model';
import { ITEM_ID_PATTERN } from './ids.ts';

const noteText = z
  .string({ error: 'text is required' })
  .trim()
  .min(1, 'text is required')
  .max(LIMITS.noteText, `text is limited to ${LIMITS.noteText} characters`);
const noteColor = z.enum(NOTE_COLORS, { error: `color must be one of ${NOTE_COLORS.join(', ')}` });
const eventId = z.string().regex(ITEM_ID_PATTERN, 'eventId must be a timeline event id');

/** Body of `POST /api/postmortems/:id/notes`. */
export const submitNoteRequest = z.strictObject({
  text: noteText,
  color: noteColor.optional(),
  eventId: eventId.nullable().optional(),
});
export type SubmitNoteRequest = z.infer<typeof submitNoteRequest>;

/** Body of `PATCH /api/postmortems/:id/notes/:noteId`: any of the fields, at least one. */
export const editNoteRequest = z
  .strictObject({ text: noteText.optional(), color: noteColor.optional(), eventId: eventId.nullable().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'give at least one of text, color, eventId');
export type EditNoteRequest = z.infer<typeof editNoteRequest>;

/** Answer of a note submission (201): the id and the secret that proves authorship. Only the author gets it. */
export interface SubmitNoteResponse {
  id: string;
  secret: string;
}

/**
 * Body of `POST /api/postmortems/:id/reveal` (optional). `final` says the facilitator is ending the Observations
 * phase: then fewer than REVEAL_RULES.minNotes waiting notes are released too (at most once per smallCooldownMs).
 */
export const revealRequest = z.strictObject({ final: z.boolean({ error: 'final must be true or false' }).optional() });
export type RevealRequest = z.infer<typeof revealRequest>;

/** Answer of `POST /api/postmortems/:id/reveal`. */
export interface RevealResponse {
  revealed: number;
}

const noteIds = z
  .array(z.string().regex(ITEM_ID_PATTERN, 'noteIds must be note ids'), { error: 'noteIds must be a list of note ids' })
  .min(1, 'name at least one note')
  .max(CAPS.notes, `at most ${CAPS.notes} notes at once`);

/**
 * Body of `POST /api/postmortems/:id/moderation` (facilitator): hide revealed notes from the board and the report
 * (in bulk, e.g. spam), show them again, or publish a paraphrase in a note's place.
 */
export const moderateNotesRequest = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('hide'), noteIds }),
    z.strictObject({ action: z.literal('show'), noteIds }),
    z.strictObject({ action: z.literal('paraphrase'), noteId: z.string().regex(ITEM_ID_PATTERN, 'noteId must be a note id'), text: noteText }),
  ],
  { error: 'action must be hide, show or paraphrase' },
);
export type ModerateNotesRequest = z.infer<typeof moderateNotesRequest>;

/** Answer of `POST /api/postmortems/:id/moderation`: how many notes changed. */
export interface ModerateNotesResponse {
  moderated: number;
}

/** The header that carries a note's secret. */
export const NOTE_SECRET_HEADER = 'x-note-secret';
