import { z } from 'zod';
import { LIMITS } from '@debrief/model';

/** Body of `POST /api/postmortems`. */
export const createPostmortemRequest = z.strictObject({
  title: z
    .string({ error: 'title is required' })
    .trim()
    .min(1, 'title is required')
    .max(LIMITS.title, `title is limited to ${LIMITS.title} characters`),
  incidentAt: z.iso.datetime({ offset: true, error: 'incidentAt must be an ISO 8601 date-time' }).optional(),
  summary: z.string().trim().max(LIMITS.summary, `summary is limited to ${LIMITS.summary} characters`).optional(),
});
export type CreatePostmortemRequest = z.infer<typeof createPostmortemRequest>;

/** Answer of `POST /api/postmortems` (201). */
export interface CreatePostmortemResponse {
  id: string;
  participantUrl: string;
  facilitatorUrl: string;
}

/** Who a key makes you in a post-mortem. */
export type Role = 'facilitator' | 'participant';

/** Answer of `GET /api/postmortems/:id` with a valid key: enough to greet a joiner before the board loads. */
export interface PostmortemSummary {
  id: string;
  title: string;
  incidentAt: string | null;
  role: Role;
}

/** Every error the API answers, with a stable code a client can branch on. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'missing_key'
  | 'wrong_key'
  | 'facilitator_only'
  | 'wrong_secret'
  | 'wrong_ballot'
  | 'voting_closed'
  | 'no_votes_left'
  | 'not_found'
  | 'deleted'
  | 'rate_limited'
  | 'misdirected'
  | 'limit_reached'
  | 'too_few_notes'
  | 'reveal_cooldown'
  | 'not_observations'
  | 'moderated'
  | 'blame_unresolved'
  | 'import_refused'
  | 'internal';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
