import { expect, it } from 'vitest';
import { CANVAS } from '@debrief/model';
import { frameAt, noteAt, notesIn, spanned } from './hit-test.ts';

const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 50 }],
  ['c', { x: 1000, y: 1000 }],
]);

it('finds the topmost note under the pointer, never one being dragged', () => {
  expect(noteAt(positions, { x: 150, y: 100 }, new Set())).toBe('b');
  expect(noteAt(positions, { x: 150, y: 100 }, new Set(['b']))).toBe('a');
  expect(noteAt(positions, { x: 5000, y: 5000 }, new Set())).toBeNull();
});

it('finds the innermost frame under the pointer and ignores frames not laid out yet', () => {
  const frames = [
    { id: 'outer', x: 0, y: 0, width: 1000, height: 1000 },
    { id: 'inner', x: 100, y: 100, width: 200, height: 200 },
    { id: 'unlaid', x: 0, y: 0, width: 0, height: 0 },
  ];
  expect(frameAt(frames, { x: 150, y: 150 })?.id).toBe('inner');
  expect(frameAt(frames, { x: 900, y: 900 })?.id).toBe('outer');
  expect(frameAt(frames, { x: 2000, y: 0 })).toBeNull();
});

it('selects every note a marquee touches, dragged in any direction', () => {
  expect(notesIn(positions, spanned({ x: 120 + CANVAS.note.width, y: 10 }, { x: 110, y: 60 })).sort()).toEqual(['a', 'b']);
  expect(notesIn(positions, spanned({ x: 900, y: 900 }, { x: 950, y: 950 }))).toEqual([]);
});
