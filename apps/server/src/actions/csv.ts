import { plainText } from './export-values.ts';

/**
 * One CSV field, quoted when needed. Line breaks stay (inside quotes) as plain LF and other control characters go;
 * a leading = + - @ is neutralised so spreadsheets never run it as a formula.
 */
export function csvField(value: string): string {
  const text = plainText(value, '\n');
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document (RFC 4180, CRLF line ends) from a header row and data rows. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
