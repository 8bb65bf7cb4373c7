import { ImportError } from './import-error.ts';
import { entriesOf, isRecord, stringOf } from './json-input.ts';
import { readTimestamp } from './times.ts';
import type { ImportRow, ParseResult, SuggestedMarker } from './types.ts';

/** Opsgenie writes what happened to the alert as the log's first words. */
function markerOf(log: string): SuggestedMarker | undefined {
  if (/^alert (created|triggered)/i.test(log)) return 'detection';
  if (/^alert (closed|resolved)/i.test(log)) return 'resolution';
  return undefined;
}

/** An entry's time: `createdAt`, else the Unix milliseconds that start its `offset` ("1513069545285_1513069545285000"). */
function timeOf(entry: Record<string, unknown>): Date | null {
  const created = readTimestamp(stringOf(entry.createdAt), 'UTC');
  if (created) return created.at;
  const offset = /^(\d{13})_/.exec(stringOf(entry.offset));
  return offset ? new Date(Number(offset[1])) : null;
}

/** Opsgenie's alert log (`GET /v2/alerts/{id}/logs`): one row per entry, the owner as the author. */
export function parseOpsgenie(data: unknown): ParseResult {
  const entries = entriesOf(data, 'data', 'an Opsgenie alert log');
  const rows: ImportRow[] = entries.map((entry, position) => {
    const where = `Log entry ${position + 1} of this Opsgenie log`;
    if (!isRecord(entry)) throw new ImportError('malformed', `${where} is not an object.`);
    const at = timeOf(entry);
    if (!at) throw new ImportError('malformed', `${where} has no time (neither "createdAt" nor "offset").`);
    if (typeof entry.log !== 'string')
      throw new ImportError('wrong_format', `${where} has no "log" text: this does not look like an Opsgenie alert log.`);
    const type = stringOf(entry.type);
    return {
      index: position,
      at: at.toISOString(),
      text: entry.log.trim(),
      author: stringOf(entry.owner),
      source: type ? `Opsgenie (${type})` : 'Opsgenie',
      zoneless: false,
      marker: markerOf(entry.log),
      notes: [],
    };
  });
  return { rows: rows.sort((a, b) => a.at.localeCompare(b.at) || a.index - b.index).map((row, index) => ({ ...row, index })) };
}
