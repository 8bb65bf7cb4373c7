import { expect, it } from 'vitest';
import { keepUnchanged } from './stable.ts';

it('keeps the objects of unchanged items and the whole list when nothing changed', () => {
  const before = [
    { id: 'a', text: 'one' },
    { id: 'b', text: 'two' },
  ];
  const edited = keepUnchanged(before, [
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
  expect(keepUnchanged(before, same)).toBe(before);
  const reordered = keepUnchanged(before, [same[1]!, same[0]!]);
  expect(reordered).toEqual([before[1], before[0]]);
  expect(reordered[0]).toBe(before[1]);
});
