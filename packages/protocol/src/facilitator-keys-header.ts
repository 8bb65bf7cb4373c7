import { isPostmortemId, KEY_PATTERN } from './ids.ts';

/**
 * The request header in which a browser presents the facilitator keys it holds to answers that span post-mortems
 * (`GET /api/actions`, `.csv`, `.ics`): `X-Debrief-Keys: <id>:<key>,<id>:<key>`. Those answers cover published
 * post-mortems, plus each unpublished one whose facilitator key is presented here. Keys travel in this header only,
 * never in a URL, so they never reach request lines or logs.
 */
export const FACILITATOR_KEYS_HEADER = 'x-debrief-keys';

/** At most this many `<id>:<key>` pairs in one header (a browser that holds more sends the first ones). */
export const MAX_FACILITATOR_KEYS = 100;

/** One post-mortem id with a key presented for it. */
export interface PresentedKey {
  postmortemId: string;
  key: string;
}

/** The outcome of reading the header: the pairs (none when it is absent or empty), or why it is malformed. */
export type ParsedFacilitatorKeys = { ok: true; keys: PresentedKey[] } | { ok: false; message: string };

const MALFORMED = `${FACILITATOR_KEYS_HEADER} must be up to ${MAX_FACILITATOR_KEYS} pairs <post-mortem id>:<key>, separated by commas`;

/**
 * Reads the header as a request carries it (absent, one value, or repeated: repeated values are joined). Every
 * pair must have the shape of an id and a key; the message of a malformed header never repeats what was sent.
 */
export function parseFacilitatorKeys(header: string | readonly string[] | undefined): ParsedFacilitatorKeys {
  const text = typeof header === 'string' ? header : (header ?? []).join(',');
  if (text.trim() === '') return { ok: true, keys: [] };
  const parts = text.split(',');
  if (parts.length > MAX_FACILITATOR_KEYS) return { ok: false, message: MALFORMED };
  const keys: PresentedKey[] = [];
  for (const part of parts) {
    const [postmortemId = '', key = '', ...rest] = part.trim().split(':');
    if (rest.length > 0 || !isPostmortemId(postmortemId) || !KEY_PATTERN.test(key)) return { ok: false, message: MALFORMED };
    keys.push({ postmortemId, key });
  }
  return { ok: true, keys };
}

/**
 * The header value for the keys a browser remembers (`{ [postmortemId]: key }`), or '' when there are none.
 * Entries that cannot be an id and a key (e.g. a damaged local store) are left out, so they never make the whole
 * request fail; beyond MAX_FACILITATOR_KEYS the rest are left out too.
 */
export function formatFacilitatorKeys(keys: Readonly<Record<string, unknown>>): string {
  return Object.entries(keys)
    .filter((entry): entry is [string, string] => isPostmortemId(entry[0]) && typeof entry[1] === 'string' && KEY_PATTERN.test(entry[1]))
    .slice(0, MAX_FACILITATOR_KEYS)
    .map(([postmortemId, key]) => `${postmortemId}:${key}`)
    .join(',');
}
