import { parseCsv } from './csv.ts';
import { detectJson, formatName } from './detect.ts';
import { ImportError } from './import-error.ts';
import { parseJson } from './json-input.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { parseOpsgenie } from './opsgenie.ts';
import { parsePagerDuty } from './pagerduty.ts';
import { parseSlack } from './slack.ts';
import { parseText } from './text.ts';
import { checkTimeZone } from './times.ts';
import type { ImportFormat, ParseOptions, ParseResult } from './types.ts';

const JSON_FORMATS = { slack: parseSlack, pagerduty: parsePagerDuty, opsgenie: parseOpsgenie } as const;

function parseJsonFormat(format: keyof typeof JSON_FORMATS, content: string): ParseResult {
  const data = parseJson(content, formatName(format).replace(/^an? /, ''));
  const detected = detectJson(data);
  if (detected && detected !== format) {
    throw new ImportError(
      'wrong_format',
      `This looks like ${formatName(detected)}, not ${formatName(format)}: choose ${formatName(detected).replace(/^an? /, '')}.`,
    );
  }
  return JSON_FORMATS[format](data);
}

/**
 * Reads a file's text as timeline rows, all or nothing: a file that is too big, broken, of another format, or
 * holds a time this cannot read is refused with an ImportError naming the problem. The web preview and the server
 * both read files through here, so what the preview shows is what the import writes.
 */
export function parseImport(format: ImportFormat, content: string, options: ParseOptions = {}): ParseResult {
  const bytes = new TextEncoder().encode(content).length;
  if (bytes > IMPORT_LIMITS.bytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new ImportError(
      'too_large',
      `This file is ${mb(bytes)} MB; an import reads at most ${mb(IMPORT_LIMITS.bytes)} MB. Split it, or export a shorter span.`,
    );
  }
  if (content.trim() === '') throw new ImportError('empty', 'The file is empty.');
  const zone = options.timeZone ?? 'UTC';
  checkTimeZone(zone);
  const result =
    format === 'csv' ? parseCsv(content, options, zone) : format === 'text' ? parseText(content, options, zone) : parseJsonFormat(format, content);
  if (result.rows.length > IMPORT_LIMITS.rows) {
    throw new ImportError(
      'too_many_rows',
      `This file has ${result.rows.length.toLocaleString('en')} rows; an import reads at most ${IMPORT_LIMITS.rows.toLocaleString('en')}. Export a shorter span.`,
    );
  }
  if (result.rows.length === 0) throw new ImportError('empty', `There is nothing to import in this ${formatName(format).replace(/^an? /, '')}.`);
  return result;
}
