import { replaceNames, type NameReplacement } from '@debrief/model';
import { ImportError } from './import-error.ts';
import type { ImportRow, SuggestedMarker } from './types.ts';

/** An event already on the timeline, as far as spotting a duplicate needs it. */
export interface ExistingEvent {
  at: string;
  what: string;
}

/** An event an import will write. */
export interface PlannedEvent {
  row: number;
  at: string;
  what: string;
  source: string;
  marker?: SuggestedMarker;
}

export interface ImportPlan {
  events: PlannedEvent[];
  /** Rows that repeat an event already on the timeline (or an earlier row), by index. */
  duplicates: Set<number>;
  /** Rows read but not imported. */
  skipped: number;
}

export interface PlanOptions {
  /** The rows to import, by index; when absent, every row that is not a duplicate. */
  picked?: readonly number[];
  /** Names to write as roles ("Dave" → "the on-call engineer"), in the author and in the text. */
  roles?: readonly NameReplacement[];
  existing?: readonly ExistingEvent[];
  /** The longest text an event holds; longer text is cut with an ellipsis. */
  maxText: number;
}

const SAME_MOMENT_MS = 60_000;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** What an event says for a row: who, then what, with names replaced by roles. */
export function eventTextOf(row: ImportRow, roles: readonly NameReplacement[] = []): string {
  const text = replaceNames(row.text.replace(/\s*\n\s*/g, ' '), roles);
  const author = row.author ? replaceNames(row.author, roles) : '';
  return author ? `${author}: ${text}` : text;
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Rows saying what an event (or an earlier row) within a minute of them already says. */
export function findDuplicates(rows: readonly ImportRow[], existing: readonly ExistingEvent[]): Set<number> {
  const seen = existing.map((event) => ({ ms: Date.parse(event.at), text: normalise(event.what) }));
  const duplicates = new Set<number>();
  for (const row of rows) {
    const ms = Date.parse(row.at);
    const texts = [normalise(row.text), normalise(eventTextOf(row))];
    if (seen.some((event) => Math.abs(event.ms - ms) < SAME_MOMENT_MS && texts.includes(event.text))) duplicates.add(row.index);
    seen.push({ ms, text: texts[1] ?? '' });
  }
  return duplicates;
}

/** What an import writes: the picked rows (or all but duplicates) as events, names replaced, text within bounds. */
export function planImport(rows: readonly ImportRow[], options: PlanOptions): ImportPlan {
  const duplicates = findDuplicates(rows, options.existing ?? []);
  let picked: Set<number>;
  if (options.picked) {
    const wrong = options.picked.find((index) => !Number.isInteger(index) || index < 0 || index >= rows.length);
    if (wrong !== undefined) throw new ImportError('bad_rows', `Row ${wrong} is not in this file (it has rows 0 to ${rows.length - 1}).`);
    picked = new Set(options.picked);
  } else {
    picked = new Set(rows.filter((row) => !duplicates.has(row.index)).map((row) => row.index));
  }
  if (picked.size === 0) throw new ImportError('bad_rows', 'No row is picked: pick at least one row to import.');
  const events = rows
    .filter((row) => picked.has(row.index))
    .map((row) => ({
      row: row.index,
      at: row.at,
      what: shorten(eventTextOf(row, options.roles), options.maxText),
      source: row.source,
      marker: row.marker,
    }));
  return { events, duplicates, skipped: rows.length - events.length };
}

/** Everyone a file names as an author, most frequent first: the names the preview offers to replace with roles. */
export function authorsOf(rows: readonly ImportRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) if (row.author) counts.set(row.author, (counts.get(row.author) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
