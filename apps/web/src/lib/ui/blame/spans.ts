import type { BlameIssue } from '@debrief/blame-lint';

/** A run of a field's text, flagged when it carries blame: what the underline layer draws. */
export interface Segment {
  text: string;
  flagged: boolean;
}

/** Cuts `text` into plain and flagged runs; `issues` are in order and do not overlap (as the checker returns them). */
export function segmentsOf(text: string, issues: readonly Pick<BlameIssue, 'start' | 'end'>[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end } of issues) {
    if (start > at) segments.push({ text: text.slice(at, start), flagged: false });
    segments.push({ text: text.slice(start, end), flagged: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), flagged: false });
  return segments;
}

/** The issue to explain: the one the caret is in or touching, otherwise the first. */
export function issueNear<T extends Pick<BlameIssue, 'start' | 'end'>>(issues: readonly T[], caret: number | null): T | undefined {
  if (caret !== null) {
    const near = issues.find((issue) => caret >= issue.start && caret <= issue.end);
    if (near) return near;
  }
  return issues[0];
}

/** What a dismissal remembers: the kind and the words, so the same phrase stays quiet while it is edited around. */
export function dismissalKey(issue: Pick<BlameIssue, 'kind'>, words: string): string {
  return `${issue.kind}:${words.toLowerCase()}`;
}
