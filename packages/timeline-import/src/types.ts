/** The sources a timeline can be imported from. */
export const IMPORT_FORMATS = ['slack', 'pagerduty', 'opsgenie', 'csv', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The moments investigators mark on a timeline; an import suggests one where the source says so (a page, a resolve). */
export type SuggestedMarker = 'detection' | 'mitigation' | 'resolution';

/** One thing that happened, read from a file: what the preview shows and the import writes as an event. */
export interface ImportRow {
  /** Its place in the file's order (threads under their parent): what `rows` picks by. */
  index: number;
  /** When, as ISO 8601 in UTC. */
  at: string;
  /** What was said or logged, as plain text. */
  text: string;
  /** Who said or did it, as the source names them ('' when it does not). */
  author: string;
  /** Where it came from, e.g. "Slack", "PagerDuty (trigger)", "syslog web-1". */
  source: string;
  /** The row this one replies to in a thread. */
  replyTo?: number;
  /** Whether the time came without a zone, so the chosen time zone decided it. */
  zoneless: boolean;
  /** A marker the source implies, offered in the preview. */
  marker?: SuggestedMarker;
  /** What the reader should know about the row: edited, from a bot, a local time that happened twice… */
  notes: string[];
}

/** Which CSV columns hold the time, the text and (optionally) the author. */
export interface CsvColumns {
  time: string;
  text: string;
  author?: string;
}

export interface ParseOptions {
  /** The IANA zone for times written without one (default UTC). */
  timeZone?: string;
  /** The day (YYYY-MM-DD) for times written without a date (`10:42`, syslog has no year): usually the incident's. */
  date?: string;
  /** CSV only: the columns to read; guessed from the header when absent. */
  columns?: CsvColumns;
}

export interface ParseResult {
  rows: ImportRow[];
  /** CSV only: the header, for choosing columns, and the columns read. */
  columns?: string[];
  chosenColumns?: CsvColumns;
}
