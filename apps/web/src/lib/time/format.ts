/**
 * Building an Intl.DateTimeFormat costs a thousand times more than using one, and a big board formats hundreds of
 * times when a view opens: formatters are built once per locale, zone and shape, and reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(shape: string, options: Intl.DateTimeFormatOptions, locale?: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${shape}|${locale ?? ''}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

let zone: string | undefined;

/** The viewer's IANA time zone, e.g. "Europe/Berlin" (read once: every timeline entry shows it). */
export function viewerTimeZone(): string {
  return (zone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Date and time in the viewer's zone with the zone named, e.g. "1 Nov 2026, 15:02 CET". */
export function formatEventTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'No time set';
  const options = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
  return formatter('event', options, locale, timeZone).format(date);
}

/** Only the time of day with the zone, e.g. "15:02:30 CET" (seconds only when set). */
export function formatClock(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '--:--';
  return date.getUTCSeconds()
    ? formatter('clock-seconds', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }, locale, timeZone).format(date)
    : formatter('clock', { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, locale, timeZone).format(date);
}

/** Only the day, e.g. "Sun, 1 Nov 2026". */
export function formatDay(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatter('day', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, locale, timeZone).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the local wall-clock value a `<input type="datetime-local">` expects. */
export function toLocalInputValue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const seconds = d.getSeconds() ? `:${pad(d.getSeconds())}` : '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}${seconds}`;
}

/** A `datetime-local` value (the viewer's wall clock) as an ISO instant in UTC, or null if empty or invalid. */
export function fromLocalInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
