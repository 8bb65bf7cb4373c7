import { ImportError } from './import-error.ts';

/** The file's text as JSON, or a clear error: cut-off files are the usual cause. */
export function parseJson(content: string, what: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // V8 says "end of JSON input" or "Unterminated string", or names a position at the very end of the text.
    const position = /position (\d+)/.exec(detail);
    const truncated = /end of (json )?input|unterminated/i.test(detail) || (position !== null && Number(position[1]) >= content.trimEnd().length);
    throw new ImportError(
      'malformed',
      `This is not a complete ${what} JSON file${truncated ? ' (it ends too early: was it cut off?)' : ''}: ${detail}.`,
    );
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The array a vendor wraps its entries in (`{"log_entries": [...]}`), or the bare array; else a wrong-format error. */
export function entriesOf(data: unknown, key: string, what: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data) && Array.isArray(data[key])) return data[key] as unknown[];
  throw new ImportError('wrong_format', `This is not ${what}: expected a JSON list, or an object with a "${key}" list.`);
}
