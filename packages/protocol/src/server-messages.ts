import { z } from 'zod';

// The stateless messages the server sends on a document: save status and cap notices.

/**
 * What the server tells a document's clients about saving, as Hocuspocus stateless messages. `saved` carries the
 * Yjs state vector (base64) of what is now durable, so each client can tell whether its own edits are in it.
 */
export const SaveStatusMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('saved'), stateVector: z.string().max(1_000_000) }),
  z.object({ type: z.literal('not-saved'), retryInMs: z.number().int().nonnegative() }),
]);
export type SaveStatusMessage = z.infer<typeof SaveStatusMessage>;

/** Reads a stateless payload as one kind of server message; null for anything else. */
function parseStateless<T>(schema: z.ZodType<T>, payload: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads a stateless payload; null for anything that is not a save status. */
export function parseSaveStatus(payload: string): SaveStatusMessage | null {
  return parseStateless(SaveStatusMessage, payload);
}

/** A server notice to a document's clients: a cap was reached (see CAPS in the model) and what happened. */
export const LimitNotice = z.object({
  type: z.literal('limit-reached'),
  what: z.enum(['events', 'factors', 'document']),
  cap: z.number().int().positive(),
});
export type LimitNotice = z.infer<typeof LimitNotice>;

/**
 * A server notice to the one client whose change it refused or repaired, and why: only the server writes schema
 * metadata; a record must stay within its declaration (`fixes`: each field the server changed back, and why).
 */
export const RefusedNotice = z.object({
  type: z.literal('refused'),
  what: z.enum(['schema-metadata', 'invalid-record']),
  fixes: z.array(z.string().max(300)).max(20).optional(),
});
export type RefusedNotice = z.infer<typeof RefusedNotice>;

/** Reads a stateless payload; null for anything that is not a refusal notice. */
export function parseRefusedNotice(payload: string): RefusedNotice | null {
  return parseStateless(RefusedNotice, payload);
}

/** Reads a stateless payload; null for anything that is not a limit notice. */
export function parseLimitNotice(payload: string): LimitNotice | null {
  return parseStateless(LimitNotice, payload);
}

/**
 * Why a key does not open a post-mortem: the API's error code (410, 404, 401 or 403), and the reason a refused
 * document connection is given (as Hocuspocus's permission-denied reason), so the socket tells no one more than the
 * API does. Only `deleted` makes a browser delete its copy: `not_found` may be a server started on the wrong
 * database.
 */
export type AccessRefusal = 'deleted' | 'not_found' | 'missing_key' | 'wrong_key';

/**
 * How the server refuses a new connection while it is at capacity: WebSocket close 1013 ("try again later"). The
 * client says "server busy, retrying" and reconnects with its usual backoff; connections already open carry on.
 */
export const SERVER_BUSY_CLOSE = { code: 1013, reason: 'server busy' } as const;
