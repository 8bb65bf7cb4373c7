import type { FactorNode } from '@debrief/model';
import { expect, it } from 'vitest';
import { factorLabel } from './factor-label.ts';

const factor = (overrides: Partial<FactorNode> = {}): FactorNode => ({
  id: 'f1',
  categoryId: 'c1',
  parentId: null,
  text: 'No rate limit on the rebuild job',
  order: 1,
  depth: 0,
  evidence: null,
  children: [],
  ...overrides,
});

it('names a factor on its bone with nothing else to say', () => {
  expect(factorLabel({ factor: factor(), categoryName: 'Safeguards', parentText: '', evidence: '', votes: 0, editors: [] })).toBe(
    'Factor: No rate limit on the rebuild job, on Safeguards',
  );
});

it('names a why under its parent, with what it cites, its votes and who is editing it', () => {
  const label = factorLabel({
    factor: factor({ depth: 2, parentId: 'p', text: '' }),
    categoryName: 'Safeguards',
    parentText: 'Nobody reviewed the job',
    evidence: 'event “14:02 · Rebuild started”',
    votes: 1,
    editors: ['Ada', 'Bo'],
  });
  expect(label).toBe(
    'Factor: untitled, why level 2 under “Nobody reviewed the job”, cites event “14:02 · Rebuild started”, 1 vote, being edited by Ada, Bo',
  );
  expect(factorLabel({ factor: factor(), categoryName: 'X', parentText: '', evidence: '', votes: 3, editors: [] })).toContain('3 votes');
});
