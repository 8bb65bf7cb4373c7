import type { FactorNode } from '@debrief/model';

/** What a screen reader hears for a factor box: its text, where it sits, what it cites, votes and who edits it. */
export function factorLabel(input: {
  factor: FactorNode;
  categoryName: string;
  parentText: string;
  evidence: string;
  votes: number;
  editors: readonly string[];
}): string {
  const { factor, categoryName, parentText, evidence, votes, editors } = input;
  return [
    `Factor: ${factor.text || 'untitled'}`,
    factor.depth === 0 ? `on ${categoryName}` : `why level ${factor.depth} under “${parentText}”`,
    evidence ? `cites ${evidence}` : '',
    votes ? `${votes} ${votes === 1 ? 'vote' : 'votes'}` : '',
    editors.length ? `being edited by ${editors.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
