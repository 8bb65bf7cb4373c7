import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { CAPS } from '../limits.ts';
import { createBoardUpdate } from './init.ts';
import { addEvent, readTimeline } from './timeline.ts';
import { addFactor, flattenFactors, readFishbone, removeFactor } from './fishbone.ts';
import { canAdd, trimToCaps } from './caps.ts';

function board(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createBoardUpdate({ title: 'Caps' }));
  return doc;
}

it('trims events and factors beyond their caps, newest first, and leaves a board within them alone', () => {
  const doc = board();
  for (let i = 0; i < CAPS.events + 3; i++) addEvent(doc, { at: '2026-11-01T14:00:00.000Z', what: `e${i}` }, null, 1_000 + i);
  const category = readFishbone(doc).categories[0]!.id;
  for (let i = 0; i < CAPS.factors + 2; i++) addFactor(doc, { categoryId: category, text: `f${i}` });
  expect(canAdd(doc, 'events')).toBe(false);
  expect(trimToCaps(doc)).toBe(5);
  const whats = readTimeline(doc).map((e) => e.what);
  expect(whats).toHaveLength(CAPS.events);
  expect(whats).not.toContain(`e${CAPS.events}`);
  expect(whats).toContain('e0');
  expect(flattenFactors(readFishbone(doc))).toHaveLength(CAPS.factors);
  expect(trimToCaps(doc)).toBe(0);
  expect(canAdd(board(), 'events')).toBe(true);
});

it('counts only live entries: a board that removed more factors than the cap holds is within it', () => {
  const doc = board();
  const category = readFishbone(doc).categories[0]!.id;
  const ids = Array.from({ length: CAPS.factors + 5 }, (_, i) => addFactor(doc, { categoryId: category, text: `f${i}` }));
  for (const id of ids.slice(0, 10)) removeFactor(doc, id!);
  expect(trimToCaps(doc)).toBe(0);
  expect(flattenFactors(readFishbone(doc))).toHaveLength(CAPS.factors - 5);
});
