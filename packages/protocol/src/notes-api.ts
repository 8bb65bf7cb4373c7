import { z } from 'zod';
import { LIMITS, NOTE_COLORS } from '@debrief/model';
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

/** Answer of `POST /api/postmortems/:id/reveal`. */
export interface RevealResponse {
  revealed: number;
}

/** The header that carries a note's secret. */
export const NOTE_SECRET_HEADER = 'x-note-secret';
