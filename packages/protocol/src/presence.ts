import { z } from 'zod';
import { CANVAS_EXTENT, LIMITS } from '@debrief/model';
import type { Role } from './api.ts';

/**
 * Presence: who is on the board and which item each person is editing, in Yjs awareness on `<id>/board` only.
 * One definition for the server, which drops any state that does not fit before anyone sees it
 * (apps/server/src/collab/presence-guard.ts), and for the browser, which shows only states that fit.
 */

/** Largest presence state, as JSON, a connection may announce. A real one is under 200 bytes. */
export const PRESENCE_MAX_BYTES = 2 * 1024;

/** Presence states (Yjs client ids) one connection may create on one document. A browser tab uses one. */
export const PRESENCE_MAX_CLIENTS = 4;

/**
 * Presence states one document holds at most, and at most from one client address (a whole office behind one
 * address fits; one attacker cannot take every place). With PRESENCE_MAX_BYTES, what a newcomer receives on joining
 * stays around a megabyte at most.
 */
export const PRESENCE_MAX_PER_DOCUMENT = 500;
export const PRESENCE_MAX_PER_ADDRESS = 250;

const ROLES = ['participant', 'facilitator'] as const satisfies readonly Role[];

/** Who someone is on the board. Unknown keys are stripped. */
export const presenceUser = z.object({
  name: z.string().trim().min(1).max(LIMITS.displayName),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  role: z.enum(ROLES),
});

const coordinate = z.number().finite().min(-CANVAS_EXTENT).max(CANVAS_EXTENT);

/**
 * Where someone's pointer is on a shared surface (the observations canvas or the fishbone), in that surface's own
 * units, so everyone sees it at the same place whatever their zoom. Never about the note composer or "My notes".
 */
export const presenceCursor = z.object({ surface: z.enum(['canvas', 'fishbone']), x: coordinate, y: coordinate });

/**
 * A whole presence state. `editing` is the id of the timeline event or factor that has this person's focus (absent
 * means none); `cursor` their pointer on a shared surface (absent means none). Unknown top-level keys are stripped, so a later
 * field reaches nobody until it is defined here.
 */
export const presenceState = z.object({
  user: presenceUser,
  editing: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,64}$/)
    .nullable()
    .default(null),
  // A malformed pointer is dropped on its own; the person stays present.
  cursor: presenceCursor.optional().catch(undefined),
});

export type PresenceCursor = z.output<typeof presenceCursor>;

export type PresenceUserState = z.output<typeof presenceUser>;
export type PresenceStateShape = z.output<typeof presenceState>;

/** The state with unknown keys stripped, or null when it is not a presence state. */
export function parsePresence(value: unknown): PresenceStateShape | null {
  const parsed = presenceState.safeParse(value);
  return parsed.success ? parsed.data : null;
}
