import { createHash } from 'node:crypto';
import { httpUrl } from '@debrief/model';
import { isDay, plainText } from './export-values.ts';

/**
 * Escapes text for an iCalendar property value (RFC 5545, 3.3.11). Line breaks of any kind become the escaped
 * `\n` and every other control character is dropped, so no text can end its line and start a property or event.
 */
export function icsText(value: string): string {
  return plainText(value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,'), '\\n');
}

/** Folds a content line at 75 octets, continuation lines starting with a space (RFC 5545, 3.1). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    // Never split a UTF-8 sequence: back off to a character boundary.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** A UID is written as given only in this shape: lowercase letters and digits, in parts joined by hyphens. */
const UID_PATTERN = /^[0-9a-z]+(?:-[0-9a-z]+){0,3}$/;

/** The UID as given when it has the safe shape, else one derived from it: unreadable, but stable across downloads. */
export function calendarUid(uid: string): string {
  return UID_PATTERN.test(uid) && uid.length <= 100 ? uid : `h${createHash('sha256').update(uid).digest('hex').slice(0, 32)}`;
}

export interface CalendarEntry {
  uid: string;
  date: string; // YYYY-MM-DD; any other value leaves the entry out
  summary: string;
  description: string;
  url?: string; // written only when it is an http(s) URL
}

/** An iCalendar file with one all-day event per entry that has a real day. */
export function toIcs(entries: CalendarEntry[], stamp: Date): string {
  const dtstamp = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Debrief//Corrective actions//EN', 'CALSCALE:GREGORIAN'];
  for (const entry of entries) {
    if (!isDay(entry.date)) continue;
    const url = entry.url ? httpUrl(entry.url) : null;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${calendarUid(entry.uid)}@debrief`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${entry.date.replace(/-/g, '')}`,
      `SUMMARY:${icsText(entry.summary)}`,
      `DESCRIPTION:${icsText(entry.description)}`,
      // A URI value is not TEXT-escaped; the parsed http(s) form has no control characters or spaces to escape.
      ...(url ? [`URL:${url}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
