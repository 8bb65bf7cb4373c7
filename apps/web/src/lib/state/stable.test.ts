import { expect, it } from 'vitest';
import { shareUnchanged } from './stable.ts';

it('keeps the objects of unchanged items and the whole list when nothing changed', () => {
  const before = [
    { id: 'a', text: 'one' },
    { id: 'b', text: 'two' },
  ];
  const edited = shareUnchanged(before, [
    { id: 'a', text: 'one' },
    { id: 'b', text: 'two!' },
  ]);
  expect(edited[0]).toBe(before[0]);
  expect(edited[1]).not.toBe(before[1]);
  expect(edited[1]!.text).toBe('two!');
  const same = [
    { id: 'a', text: 'one' },
    { id: 'b', text: 'two' },
  ];
  expect(shareUnchanged(before, same)).toBe(before);
  const reordered = shareUnchanged(before, [same[1]!, same[0]!]);
  expect(reordered).toEqual([before[1], before[0]]);
  expect(reordered[0]).toBe(before[1]);
});

it('shares the unchanged branches of a tree: one factor typed into gives new objects for it and its ancestors only', () => {
  const why = { id: 'w', text: 'no review', children: [] };
  const edited = { id: 'e', text: 'rate limit', children: [] };
  const before = {
    problem: 'Outage',
    categories: [
      { id: 'c1', name: 'Process', factors: [{ id: 'f', text: 'rushed', children: [why] }] },
      { id: 'c2', name: 'Tooling', factors: [edited] },
    ],
  };
  const after = shareUnchanged(
    before,
    structuredClone({ ...before, categories: [before.categories[0], { ...before.categories[1], factors: [{ ...edited, text: 'rate limits' }] }] }),
  );
  expect(after).not.toBe(before);
  expect(after.categories[0]).toBe(before.categories[0]);
  expect(after.categories[1]).not.toBe(before.categories[1]);
  expect(after.categories[1]!.factors[0]!.text).toBe('rate limits');
  expect(after.categories[1]!.factors[0]!.children).toBe(edited.children);
  expect(shareUnchanged(before, structuredClone(before))).toBe(before);
});

it('matches items by id, so an insertion keeps the objects after it; other arrays match by position', () => {
  const before = {
    lines: ['a', 'b'],
    boxes: [
      { id: 'x', y: 10 },
      { id: 'y', y: 30 },
    ],
  };
  const after = shareUnchanged(before, {
    lines: ['a', 'b'],
    boxes: [
      { id: 'new', y: 0 },
      { id: 'x', y: 10 },
      { id: 'y', y: 30 },
    ],
  });
  expect(after.lines).toBe(before.lines);
  expect(after.boxes[1]).toBe(before.boxes[0]);
  expect(after.boxes[2]).toBe(before.boxes[1]);
  expect(shareUnchanged(before, { ...before, lines: ['a', 'c'] }).lines).toEqual(['a', 'c']);
});

it('treats added or removed keys and values of another kind as changes', () => {
  const before: Record<string, unknown> = { a: 1, b: undefined };
  expect(shareUnchanged(before, { a: 1 })).not.toBe(before);
  expect(shareUnchanged(before, { a: 1, c: undefined })).not.toBe(before);
  expect(shareUnchanged({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
  expect(shareUnchanged(undefined, { a: 1 })).toEqual({ a: 1 });
});
