import { formatInTimeZone } from 'date-fns-tz';
import { ImportError } from './import-error.ts';
import { readClock, readDay, readTimestamp, wallClockToInstant, type ReadTime } from './times.ts';
import type { ImportRow, ParseOptions, ParseResult } from './types.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MS = 86_400_000;

/** A line that is only a date: the day the times below it belong to. */
const DATE_LINE = /^(\d{4}-\d{2}-\d{2})$/;
/** `2026-03-08T14:05:00Z text`, `[2026-03-08 09:05:00] text`, with or without a zone. */
const ISO_LINE = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?)\]?\s+(.*)$/i;
/** syslog (RFC 3164): `Mar  8 14:05:00 web-1 nginx[123]: text`. */
const SYSLOG_LINE = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}:\d{2}:\d{2})\s+(\S+)\s+([^\s:[]+)(?:\[\d+\])?:\s?(.*)$/;
/** Slack's copy-paste header: `Alice Chen  10:42 AM` (two spaces or a tab), or `Alice Chen [10:42 AM]`. */
const SLACK_HEADER = /^(\S.*?)(?:\s{2,}|\t|\s+\[)(\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp][Mm])\]?$/;
/** A time of day first: `10:42 text`, `[10:42:05] <alice> text`, `9:05 PM text`. */
const CLOCK_LINE = /^\[?(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)\]?\s+(.*)$/;
/** IRC's way of naming who spoke: a nickname has no spaces (so `<img src=x>` is text, not a name). */
const IRC_AUTHOR = /^<([^<>\s]{1,60})>\s*(.*)$/;

interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * Pasted chat or log text: each line that starts with a time starts a row; lines without one continue the row
 * above. Times of day without a date take `options.date`, and roll over to the next day when the clock goes back
 * by more than six hours (a long night); a line holding only a date (YYYY-MM-DD) sets the day for what follows.
 */
export function parseText(content: string, options: ParseOptions, zone: string): ParseResult {
  const rows: ImportRow[] = [];
  let day: Day | null = readDay(options.date);
  let lastClockMs: number | null = null;
  let speaker = '';
  let untimed = 0;

  const needDay = (line: number): Day => {
    if (!day) throw new ImportError('bad_time', `Line ${line}: this time has no date. Choose the day it happened (the incident's date).`);
    return day;
  };
  /** A time of day on the current day, moving to the next day when the clock went back a long way. */
  const onDay = (line: number, clock: { hour: number; minute: number; second: number }): ReadTime => {
    const current = needDay(line);
    let naive = Date.UTC(current.year, current.month - 1, current.day, clock.hour, clock.minute, clock.second);
    if (lastClockMs !== null && naive < lastClockMs - 6 * 3_600_000) naive += DAY_MS;
    lastClockMs = naive;
    const date = new Date(naive);
    day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    return wallClockToInstant({ ...day, ...clock }, zone);
  };
  const start = (time: ReadTime, text: string, author: string, source: string) => {
    rows.push({
      index: rows.length,
      at: time.at.toISOString(),
      text: text.trim(),
      author,
      source,
      zoneless: time.zoneless,
      notes: time.note ? [time.note] : [],
    });
  };
  const withIrcAuthor = (text: string, fallback: string) => {
    const irc = IRC_AUTHOR.exec(text);
    return irc ? { author: irc[1] ?? '', text: irc[2] ?? '' } : { author: fallback, text };
  };

  content.split(/\r?\n/).forEach((raw, position) => {
    const line = raw.trimEnd();
    const number = position + 1;
    if (line.trim() === '') return;
    let match: RegExpExecArray | null;
    if ((match = DATE_LINE.exec(line.trim()))) {
      day = readDay(match[1]);
      lastClockMs = null;
    } else if ((match = ISO_LINE.exec(line))) {
      const time = readTimestamp(match[1] ?? '', zone);
      if (!time) throw new ImportError('bad_time', `Line ${number}: “${match[1]}” is not a real date and time.`);
      const [year, month, date] = formatInTimeZone(time.at, zone, 'yyyy-MM-dd').split('-').map(Number);
      day = { year: year ?? 0, month: month ?? 0, day: date ?? 0 };
      lastClockMs = null;
      speaker = '';
      const said = withIrcAuthor(match[2] ?? '', '');
      start(time, said.text, said.author, 'Text');
    } else if ((match = SYSLOG_LINE.exec(line))) {
      const month = MONTHS.indexOf((match[1] ?? '').toLowerCase()) + 1;
      const clock = readClock(match[3] ?? '');
      if (month === 0 || !clock) throw new ImportError('bad_time', `Line ${number}: “${line.slice(0, 15)}” is not a real syslog time.`);
      const year = needDay(number).year;
      speaker = '';
      start(wallClockToInstant({ year, month, day: Number(match[2]), ...clock }, zone), match[6] ?? '', match[5] ?? '', `syslog ${match[4]}`);
    } else if ((match = SLACK_HEADER.exec(line))) {
      const clock = readClock(match[2] ?? '');
      if (!clock) throw new ImportError('bad_time', `Line ${number}: “${match[2]}” is not a time of day.`);
      speaker = (match[1] ?? '').trim();
      start(onDay(number, clock), '', speaker, 'Slack (pasted)');
    } else if ((match = CLOCK_LINE.exec(line))) {
      const clock = readClock(match[1] ?? '');
      if (!clock) throw new ImportError('bad_time', `Line ${number}: “${match[1]}” is not a time of day.`);
      const said = withIrcAuthor(match[2] ?? '', speaker);
      start(onDay(number, clock), said.text, said.author, speaker ? 'Slack (pasted)' : 'Text');
    } else {
      const last = rows.at(-1);
      if (last) last.text = last.text ? `${last.text}\n${line.trim()}` : line.trim();
      else untimed++;
    }
  });
  const kept = rows.filter((row) => row.text !== '').map((row, index) => ({ ...row, index }));
  if (kept.length === 0) {
    throw new ImportError(
      'wrong_format',
      `No line of this text starts with a time${untimed ? ` (${untimed} lines read)` : ''}. Each event's line should begin with one: 2026-03-08T14:05Z, 14:05, “Mar  8 14:05:00 host app:”, or Slack's “Name  2:05 PM”.`,
    );
  }
  return { rows: kept };
}
