import { describe, expect, it } from 'vitest';
import { dismissalKey, issueNear, segmentsOf } from './spans.ts';

describe('segmentsOf', () => {
  it('keeps every character, in order, and marks only the flagged runs', () => {
    const text = 'Bob should have checked; human error';
    const segments = segmentsOf(text, [
      { start: 4, end: 15 },
      { start: 25, end: 36 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.flagged).map((s) => s.text)).toEqual(['should have', 'human error']);
    expect(segments).toHaveLength(4);
  });

  it('returns the text as one plain run when nothing is flagged', () => {
    expect(segmentsOf('The health check failed', [])).toEqual([{ text: 'The health check failed', flagged: false }]);
    expect(segmentsOf('', [])).toEqual([]);
  });
});

describe('issueNear', () => {
  const issues = [
    { start: 0, end: 5 },
    { start: 10, end: 15 },
  ];
  it('explains the span the caret is in or touching', () => {
    expect(issueNear(issues, 12)).toBe(issues[1]);
    expect(issueNear(issues, 15)).toBe(issues[1]);
    expect(issueNear(issues, 0)).toBe(issues[0]);
  });
  it('falls back to the first span when the caret is elsewhere or unknown', () => {
    expect(issueNear(issues, 7)).toBe(issues[0]);
    expect(issueNear(issues, null)).toBe(issues[0]);
    expect(issueNear([], 3)).toBeUndefined();
  });
});

describe('dismissalKey', () => {
  it('ignores case so a dismissed phrase stays dismissed when retyped', () => {
    expect(dismissalKey({ kind: 'counterfactual' }, 'Should Have')).toBe(dismissalKey({ kind: 'counterfactual' }, 'should have'));
  });
});
