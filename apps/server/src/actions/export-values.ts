import { z } from 'zod';

/**
 * What an export may write, checked whatever the documents hold: clients write their Yjs documents directly, so a
 * due date, an id or a sentence can arrive as any string, control characters included.
 */

/** Line breaks of every kind: CRLF, a lone CR or LF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** Every other control character: C0 (tab included), DEL and C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The text without control characters, each line break replaced by `lineBreak` (a space unless the format has a
 * safe way to write one) and each other control character dropped (a tab becomes a space).
 */
export function plainText(text: string, lineBreak = ' '): string {
  return text
    .replace(LINE_BREAK, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, (c) => (c === '\n' ? c : ''))
    .replace(/\n/g, lineBreak);
}

const day = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

/** True for a calendar day written YYYY-MM-DD (a real one: no 2026-02-30). */
export const isDay = (value: unknown): value is string => day.safeParse(value).success;

/** True for an ISO 8601 date-time with a time zone (Z or an offset), the form incident times are stored in. */
export const isDateTime = (value: unknown): value is string => dateTime.safeParse(value).success;
