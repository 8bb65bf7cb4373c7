/** Post-mortem ids are 16 lowercase letters or digits; anything else is "not found", never a path. */
export const POSTMORTEM_ID_PATTERN = /^[0-9a-z]{16}$/;

/** Keys are 43 base64url characters (256 random bits). */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True when the text has the shape of a post-mortem id. */
export function isPostmortemId(value: string): boolean {
  return POSTMORTEM_ID_PATTERN.test(value);
}
