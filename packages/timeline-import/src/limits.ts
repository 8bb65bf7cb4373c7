/** The most one import reads: far above a real incident's record, low enough to parse in a browser at once. */
export const IMPORT_LIMITS = {
  /** UTF-8 bytes of the file's text. */
  bytes: 5 * 1024 * 1024,
  /** Rows read from it (messages, log entries, CSV lines, timed lines). */
  rows: 2_000,
} as const;
