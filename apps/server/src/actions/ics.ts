/** Escapes text for an iCalendar property value (RFC 5545, 3.3.11). */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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

export interface CalendarEntry {
  uid: string;
  date: string; // YYYY-MM-DD
  summary: string;
  description: string;
  url?: string;
}

/** An iCalendar file with one all-day event per entry. */
export function toIcs(entries: CalendarEntry[], stamp: Date): string {
  const dtstamp = stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Debrief//Corrective actions//EN', 'CALSCALE:GREGORIAN'];
  for (const entry of entries) {
    const day = entry.date.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}@debrief`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `SUMMARY:${icsText(entry.summary)}`,
      `DESCRIPTION:${icsText(entry.description)}`,
      ...(entry.url ? [`URL:${entry.url.replace(/[\r\n]/g, '')}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
