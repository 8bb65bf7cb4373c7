import type { Report, ReportCitation } from '@debrief/model';

/**
 * How every format (page, Markdown, PDF) words the parts of a report that are not the team's own text: times,
 * the incident's duration, a factor's citation, an action's details. One place, so the formats read alike.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as `2017-01-31 23:27 UTC` (seconds only when set), or '' for what is not a time. */
export function formatUtc(iso: string | null): string {
  const date = new Date(iso ?? '');
  if (!iso || Number.isNaN(date.getTime())) return '';
  const seconds = date.getUTCSeconds() ? `:${pad(date.getUTCSeconds())}` : '';
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds} UTC`;
}

/** A span of minutes in words a reader takes in at once: `45 min`, `2 h 5 min`, `3 days 4 h`. */
export function formatMinutes(total: number): string {
  const minutes = Math.round(total);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`;
}

/** The timeline's span: its first and last event's times and the minutes between (null with fewer than two timed events). */
export function timelineSpan(report: Report): { first: string; last: string; minutes: number } | null {
  const times = report.timeline
    .map((event) => event.at)
    .filter((at) => !Number.isNaN(Date.parse(at)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  if (times.length < 2) return null;
  const [first, last] = [times[0]!, times[times.length - 1]!];
  return { first, last, minutes: (Date.parse(last) - Date.parse(first)) / 60_000 };
}

/**
 * What a factor cites, in words: `the event at 2026-11-30 14:02 UTC, “Deploy started”` (a page passes its own time
 * format, so the citation reads in the same zone as the rest of it).
 */
export function citationText(cites: ReportCitation, formatTime: (iso: string) => string = formatUtc): string {
  if (cites.kind === 'event') return `the event at ${formatTime(cites.at) || 'an unknown time'}, “${cites.text || 'untitled event'}”`;
  return cites.text ? `an observation, “${cites.text}”` : 'an observation the facilitator hid';
}

type ReportAction = Report['correctiveActions'][number];

const PRIORITY: Record<string, string> = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' };
const KIND: Record<string, string> = { prevent: 'Prevent', mitigate: 'Mitigate', detect: 'Detect', process: 'Process' };

/** An action's priority and kind as labels (`High priority`, `Detect`); unknown values are left out. */
export function actionLabels(action: ReportAction): string[] {
  return [PRIORITY[action.priority], KIND[action.kind]].filter((label): label is string => label !== undefined);
}
