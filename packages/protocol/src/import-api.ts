import { z } from 'zod';
import { LIMITS } from '@debrief/model';
import { IMPORT_FORMATS, IMPORT_LIMITS } from '@debrief/timeline-import/formats';

/**
 * `POST /api/postmortems/:id/timeline/import` (facilitator key): a file's text read into the timeline, all or
 * nothing. `rows` picks rows by index as the preview numbered them (all but duplicates when absent); `date` is the
 * day for times written without one (the incident's day when absent); `roles` writes names as roles.
 */
export const timelineImportRequest = z.strictObject({
  format: z.enum(IMPORT_FORMATS),
  content: z.string(),
  timeZone: z.string().max(64).optional(),
  date: z.iso.date().optional(),
  columns: z.strictObject({ time: z.string().max(200), text: z.string().max(200), author: z.string().max(200).optional() }).optional(),
  rows: z.array(z.number().int().nonnegative()).max(IMPORT_LIMITS.rows).optional(),
  roles: z
    .array(z.strictObject({ name: z.string().max(LIMITS.displayName * 2), role: z.string().max(LIMITS.displayName * 2) }))
    .max(200)
    .optional(),
});
export type TimelineImportRequest = z.infer<typeof timelineImportRequest>;

export interface TimelineImportResponse {
  imported: number;
  skipped: number;
  /** The new events' ids, in the file's order. */
  events: string[];
}
