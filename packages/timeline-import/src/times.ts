import { isExists, parseISO } from 'date-fns';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { ImportError } from './import-error.ts';

const WALL = "yyyy-MM-dd'T'HH:mm:ss.SSS";
const HOUR = 3_600_000;

/** A local date and time as written, with no zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

/** A time read from a file: the instant, whether the zone came from the reader's choice, and what to note. */
export interface ReadTime {
  at: Date;
  zoneless: boolean;
  note?: string;
}

/** Refuses a zone the runtime does not know, naming it. */
export function checkTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ImportError('bad_time_zone', `“${zone}” is not a time zone this import knows (use an IANA name such as Europe/London).`);
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Whether the fields make a real calendar day and time of day. */
export function isRealWallClock(wall: WallClock): boolean {
  return isExists(wall.year, wall.month - 1, wall.day) && wall.hour < 24 && wall.minute < 60 && wall.second < 61;
}

/**
 * The instant a local time names in a zone. Around a daylight-saving change a local time can name no instant (the
 * clocks skipped it: read as if they had not changed yet) or two (read as the first); the note says which.
 */
export function wallClockToInstant(wall: WallClock, zone: string): ReadTime {
  const text = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(wall.millisecond ?? 0, 3)}`;
  const at = fromZonedTime(text, zone);
  const local = (instant: Date) => formatInTimeZone(instant, zone, WALL);
  if (local(at) !== text) {
    // As the clock on the wall read before the change would have gone on: 02:30 in a skipped hour is 03:30.
    const forward = new Date(at.getTime() + HOUR);
    return {
      at: forward,
      zoneless: true,
      note: `${text.slice(11, 16)} did not happen in ${zone} that day (the clocks went forward); read as ${local(forward).slice(11, 16)}`,
    };
  }
  const earlier = new Date(at.getTime() - HOUR);
  if (local(earlier) === text)
    return {
      at: earlier,
      zoneless: true,
      note: `${text.slice(11, 16)} happened twice in ${zone} that day (the clocks went back); read as the first`,
    };
  if (local(new Date(at.getTime() + HOUR)) === text) {
    return { at, zoneless: true, note: `${text.slice(11, 16)} happened twice in ${zone} that day (the clocks went back); read as the first` };
  }
  return { at, zoneless: true };
}

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_LOCAL = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const EPOCH = /^(\d{10}|\d{13})(?:\.\d+)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

const fraction = (digits: string | undefined) => (digits ? Number(digits.slice(0, 3).padEnd(3, '0')) : 0);

/** A clock time ("10:42", "10:42:05", "9:05 PM") as hours, minutes and seconds, or null. */
export function readClock(text: string): { hour: number; minute: number; second: number } | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const clock = { hour, minute: Number(match[2]), second: Number(match[3] ?? 0) };
  return clock.hour < 24 && clock.minute < 60 && clock.second < 61 ? clock : null;
}

/** A day written YYYY-MM-DD as its fields, or null. */
export function readDay(text: string | undefined): { year: number; month: number; day: number } | null {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim()) : null;
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isExists(day.year, day.month - 1, day.day) ? day : null;
}

/**
 * A full timestamp as spreadsheets and logs write it: ISO 8601 with a zone or offset, ISO 8601 (or YYYY/MM/DD)
 * without one (read in `zone`), or Unix seconds or milliseconds. Null when the text is none of these.
 */
export function readTimestamp(text: string, zone: string): ReadTime | null {
  const trimmed = text.trim();
  if (ISO_ZONED.test(trimmed)) {
    const at = parseISO(trimmed.replace(' ', 'T').replace(/\s(?=[Z+-][^T]*$)/i, ''));
    return Number.isNaN(at.getTime()) ? null : { at, zoneless: false };
  }
  const local = ISO_LOCAL.exec(trimmed);
  if (local) {
    const wall: WallClock = {
      year: Number(local[1]),
      month: Number(local[2]),
      day: Number(local[3]),
      hour: Number(local[4]),
      minute: Number(local[5]),
      second: Number(local[6] ?? 0),
      millisecond: fraction(local[7]),
    };
    return isRealWallClock(wall) ? wallClockToInstant(wall, zone) : null;
  }
  const epoch = EPOCH.exec(trimmed);
  if (epoch?.[1]) {
    const ms = epoch[1].length === 13 ? Number(epoch[1]) : Math.round(Number(trimmed) * 1000);
    return { at: new Date(ms), zoneless: false };
  }
  return null;
}

/** The formats a time may be written in, for error messages. */
export const TIME_FORMATS_READ = 'ISO 8601 (2026-03-08T14:05:00Z, or without a zone), YYYY/MM/DD HH:MM, Unix seconds or milliseconds';

/** The day (YYYY-MM-DD) an instant falls on in a zone: the default day for times written without one. */
export function dayIn(iso: string, zone: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : formatInTimeZone(new Date(ms), zone, 'yyyy-MM-dd');
}
