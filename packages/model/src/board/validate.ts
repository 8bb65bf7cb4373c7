import { LIMITS } from '../limits.ts';
import { isHttpUrl } from '../safe-url.ts';

/** A human-readable problem with a field, or null when the value is acceptable. */
export type FieldProblem = string | null;

/** Checks a free-text event field against its limit. */
export function checkEventText(field: 'what' | 'known', value: string): FieldProblem {
  const max = field === 'what' ? LIMITS.eventWhat : LIMITS.eventKnown;
  const label = field === 'what' ? '"What happened"' : '"What we knew"';
  return value.length > max ? `${label} is limited to ${max} characters (this is ${value.length}).` : null;
}

/** Checks an evidence link: empty, or an http(s) URL within the length limit. */
export function checkEvidenceUrl(value: string): FieldProblem {
  if (value === '') return null;
  if (value.length > LIMITS.evidenceUrl) return `The link is limited to ${LIMITS.evidenceUrl} characters.`;
  if (isHttpUrl(value)) return null;
  try {
    new URL(value);
    return 'The link must start with https:// or http://.';
  } catch {
    return 'The link must be a full web address, starting with https:// or http://.';
  }
}

/** Checks an event time: an ISO date-time that parses. */
export function checkEventTime(value: string): FieldProblem {
  return value !== '' && !Number.isNaN(Date.parse(value)) ? null : 'Every event needs a valid date and time.';
}
