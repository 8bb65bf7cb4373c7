import Papa from 'papaparse';
import { ImportError } from './import-error.ts';
import { readTimestamp, TIME_FORMATS_READ } from './times.ts';
import type { CsvColumns, ImportRow, ParseOptions, ParseResult } from './types.ts';

const GUESSES: Record<keyof CsvColumns, RegExp> = {
  time: /\b(time|timestamp|date|datetime|when|at|created(_at)?|occurred(_at)?)\b/i,
  text: /\b(text|message|event|description|summary|what|details?|note|log)\b/i,
  author: /\b(author|user|who|owner|name|by|actor|person)\b/i,
};

const guess = (header: readonly string[], kind: keyof CsvColumns) => header.find((name) => GUESSES[kind].test(name.trim()));

/** The columns to read: the chosen ones (each must exist), else guessed from the header's names. */
function columnsOf(header: readonly string[], chosen: CsvColumns | undefined): CsvColumns {
  if (chosen) {
    for (const name of [chosen.time, chosen.text, chosen.author].filter((n): n is string => !!n)) {
      if (!header.includes(name)) throw new ImportError('bad_columns', `This CSV has no column “${name}” (its columns: ${header.join(', ')}).`);
    }
    return chosen;
  }
  const time = guess(header, 'time');
  const text = guess(header, 'text');
  if (!time || !text) {
    throw new ImportError('bad_columns', `Choose which columns hold the time and the text (this CSV's columns: ${header.join(', ')}).`);
  }
  return { time, text, author: guess(header, 'author') };
}

/** A CSV with a header row: one row per line, its time, text and author from the chosen columns. */
export function parseCsv(content: string, options: ParseOptions, zone: string): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch' || e.code === 'UndetectableDelimiter');
  const header = parsed.meta.fields ?? [];
  if (header.length < 2) throw new ImportError('wrong_format', 'This is not a CSV with a header row and at least two columns (a time and a text).');
  if (broken) {
    // Papa counts a quote's row differently from a short row's: name the line where the quote opens instead.
    const where =
      broken.type === 'Quotes' && 'index' in broken && typeof broken.index === 'number'
        ? ` at line ${content.slice(0, broken.index).split('\n').length}`
        : broken.row === undefined
          ? ''
          : ` at row ${broken.row + 1}`;
    throw new ImportError('malformed', `This CSV is broken${where}: ${broken.message}${broken.type === 'Quotes' ? ' (was the file cut off?)' : ''}.`);
  }
  const columns = columnsOf(header, options.columns);
  const rows: ImportRow[] = parsed.data.map((record, position) => {
    const written = record[columns.time] ?? '';
    const time = readTimestamp(written, zone);
    if (!time)
      throw new ImportError(
        'bad_time',
        `Row ${position + 1}: “${written.slice(0, 60)}” in “${columns.time}” is not a time this import reads (${TIME_FORMATS_READ}).`,
      );
    return {
      index: position,
      at: time.at.toISOString(),
      text: (record[columns.text] ?? '').trim(),
      author: columns.author ? (record[columns.author] ?? '').trim() : '',
      source: 'CSV',
      zoneless: time.zoneless,
      notes: time.note ? [time.note] : [],
    };
  });
  return { rows, columns: header, chosenColumns: columns };
}
