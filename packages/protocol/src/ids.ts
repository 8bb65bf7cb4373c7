/** Post-mortem ids are 16 lowercase letters or digits; anything else is "not found", never a path. */
export const POSTMORTEM_ID_PATTERN = /^[0-9a-z]{16}$/;

/** Note and timeline event ids have the same shape as post-mortem ids. */
export const ITEM_ID_PATTERN = POSTMORTEM_ID_PATTERN;

/** Keys and note secrets are 43 base64url characters (256 random bits). */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True when the text has the shape of a post-mortem id. */
export function isPostmortemId(value: string): boolean {
  return POSTMORTEM_ID_PATTERN.test(value);
}

/** True when the text has the shape of a note or event id. */
export function isItemId(value: string): boolean {
  return ITEM_ID_PATTERN.test(value);
}
