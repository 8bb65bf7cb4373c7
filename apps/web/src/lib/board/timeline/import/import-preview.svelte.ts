import {
  authorsOf,
  detectFormat,
  findDuplicates,
  ImportError,
  parseImport,
  type CsvColumns,
  type ExistingEvent,
  type ImportFormat,
  type ImportRow,
} from '@debrief/timeline-import';
import type { TimelineImportRequest } from '@debrief/protocol';
import { SvelteSet } from 'svelte/reactivity';

/**
 * The import dialog's state: the file's text read with the same parsers the server uses, as the person sets the
 * format, zone, day and columns; which rows are picked; which names become roles. What `request()` sends is what
 * the preview shows.
 */
export class ImportPreview {
  content = $state('');
  format = $state<ImportFormat>('text');
  timeZone = $state('UTC');
  date = $state('');
  columns = $state<CsvColumns | undefined>(undefined);
  /** Row indexes left out by the person (duplicates start out here). */
  readonly dropped = new SvelteSet<number>();
  roles = $state<Record<string, string>>({});

  constructor(
    private readonly existing: () => readonly ExistingEvent[],
    defaults: { timeZone: string; date: string },
  ) {
    this.timeZone = defaults.timeZone;
    this.date = defaults.date;
  }

  /** New text: its format guessed, picks and columns forgotten. */
  load(content: string): void {
    this.content = content;
    this.format = detectFormat(content);
    this.columns = undefined;
    this.roles = {};
    this.#dropDuplicates();
  }

  #dropDuplicates(): void {
    this.dropped.clear();
    for (const index of findDuplicates(this.parsed.rows, this.existing())) this.dropped.add(index);
  }

  /** The rows as the server would read them, or the problem it would name. */
  readonly parsed = $derived.by((): { rows: ImportRow[]; error: string; header: string[]; chosen?: CsvColumns } => {
    if (this.content.trim() === '') return { rows: [], error: '', header: [] };
    try {
      const result = parseImport(this.format, this.content, { timeZone: this.timeZone, date: this.date || undefined, columns: this.columns });
      return { rows: result.rows, error: '', header: result.columns ?? [], chosen: result.chosenColumns };
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return { rows: [], error: error.message, header: [], chosen: undefined };
    }
  });

  readonly duplicates = $derived.by(() => findDuplicates(this.parsed.rows, this.existing()));
  readonly authors = $derived(authorsOf(this.parsed.rows));
  readonly picked = $derived(this.parsed.rows.filter((row) => !this.dropped.has(row.index)).map((row) => row.index));

  setPicked(index: number, picked: boolean): void {
    if (picked) this.dropped.delete(index);
    else this.dropped.add(index);
  }

  pickAll(picked: boolean): void {
    this.dropped.clear();
    if (!picked) for (const row of this.parsed.rows) this.dropped.add(row.index);
  }

  /** A format chosen by hand: picks start again, duplicates dropped. */
  chooseFormat(format: ImportFormat): void {
    this.format = format;
    this.columns = undefined;
    this.#dropDuplicates();
  }

  request(): TimelineImportRequest {
    const roles = Object.entries(this.roles)
      .filter(([, role]) => role.trim() !== '')
      .map(([name, role]) => ({ name, role: role.trim() }));
    return {
      format: this.format,
      content: this.content,
      timeZone: this.timeZone,
      ...(this.date ? { date: this.date } : {}),
      ...(this.format === 'csv' && this.parsed.chosen ? { columns: this.parsed.chosen } : {}),
      rows: this.picked,
      ...(roles.length ? { roles } : {}),
    };
  }
}
