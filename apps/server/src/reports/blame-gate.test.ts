import { expect, it } from 'vitest';
import { blameGate } from './blame-gate.ts';

const statements = [
  { section: 'observations' as const, id: 'note:a', text: 'Bob should have double-checked the hostname.' },
  { section: 'timeline' as const, id: 'event:e:what', text: 'The operator ran the cleanup on db1' },
  { section: 'lessons' as const, id: 'lessons', text: 'It was human error.' },
];

it('blocks what reads as blame unless kept with a reason, now or for the same words before', () => {
  const { unresolved, kept } = blameGate(
    statements,
    [{ id: 'lessons', reason: 'Quoting the customer report' }],
    [{ section: 'observations', id: 'note:a', text: 'Bob should have double-checked the hostname.', reason: 'Discussed with the team' }],
  );
  expect(unresolved).toEqual([]);
  expect(kept.map((k) => [k.id, k.reason])).toEqual([
    ['note:a', 'Discussed with the team'],
    ['lessons', 'Quoting the customer report'],
  ]);
});

it('lists each unresolved statement with where it is and what reads as blame; an old reason for other words does not count', () => {
  const { unresolved } = blameGate(statements, [], [{ section: 'lessons', id: 'lessons', text: 'Something else', reason: 'x' }]);
  expect(unresolved.map((s) => s.id)).toEqual(['note:a', 'lessons']);
  expect(unresolved[0]).toMatchObject({ section: 'observations', text: 'Bob should have double-checked the hostname.' });
  expect(unresolved[0]!.issues[0]).toMatchObject({ kind: 'counterfactual', start: 4, end: 15 });
  expect(Object.keys(unresolved[0]!.issues[0]!).sort()).toEqual(['end', 'kind', 'message', 'start', 'suggestion']);
});
