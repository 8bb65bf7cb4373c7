import { beforeAll, expect, it } from 'vitest';
import { checkBlame } from '../check.ts';
import { ruleSpans } from '../rules.ts';
import { loadBlameModel } from './loaded.ts';

beforeAll(() => loadBlameModel());

const sarcasm = 'Great job shipping on a Friday again, team.';

it('marks the whole sentence where the model reads blame that no rule places', () => {
  expect(ruleSpans(sarcasm, false)).toEqual([]);
  expect(checkBlame(sarcasm)).toMatchObject([{ start: 0, end: sarcasm.length, kind: 'framed-as-fault' }]);
});

it('lets the model decide per sentence: a rule match in a sentence it reads as blameless is not flagged', () => {
  const text = 'The Kafka consumer was careless about offsets. Dave should have checked the dashboard.';
  const issues = checkBlame(text);
  expect(ruleSpans(text, false).map((issue) => text.slice(issue.start, issue.end))).toContain('careless');
  expect(issues.map((issue) => text.slice(issue.start, issue.end))).toEqual(['should have']);
});

it('reads labels with the rules alone', () => {
  expect(checkBlame(sarcasm, { label: true })).toEqual([]);
  expect(checkBlame('Human error', { label: true }).map((issue) => issue.kind)).toEqual(['human-error']);
});

it('offers a one-click rewrite only where the model reads the rewritten sentence as blameless', () => {
  // The rules would offer "We had not checked…"; the model still reads that as the team faulting itself.
  expect(ruleSpans('We should have checked the dashboard', true)[0]?.replacement).toBe('had not');
  expect(checkBlame('We should have checked the dashboard')[0]?.replacement).toBeUndefined();
  expect(checkBlame('It was human error.')[0]?.replacement).toBe('a gap in our safeguards');
});
