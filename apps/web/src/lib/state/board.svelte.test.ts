import { addFactor, factorText, initBoard, readFishbone } from '@debrief/model';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutFishbone } from '../board/fishbone/layout.ts';
import { BoardView } from './board.svelte.ts';
import { shareUnchanged } from './stable.ts';

/** A board with factors on two bones and a "why?" under one of them. */
function boardWithFactors() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Checkout outage' });
  const [process, tooling] = readFishbone(doc).categories;
  const rushed = addFactor(doc, { categoryId: process!.id, text: 'Deploys are rushed' })!;
  addFactor(doc, { categoryId: process!.id, parentId: rushed, text: 'No freeze calendar' });
  const typedInto = addFactor(doc, { categoryId: tooling!.id, text: 'No rate limit' })!;
  addFactor(doc, { categoryId: tooling!.id, text: 'Slow rollback' });
  return { doc, typedInto };
}

it('a keystroke in one factor gives new objects for that factor and its bone only; the rest keep theirs', () => {
  const { doc, typedInto } = boardWithFactors();
  const view = new BoardView(doc);
  const before = view.fishbone;
  const layoutBefore = layoutFishbone(before);

  factorText(doc, typedInto)!.insert('No rate limit'.length, 's');

  const after = view.fishbone;
  expect(after).not.toBe(before);
  const [process, tooling] = after.categories;
  expect(process).toBe(before.categories[0]);
  expect(tooling).not.toBe(before.categories[1]);
  expect(tooling!.factors[0]!.text).toBe('No rate limits');
  expect(tooling!.factors[1]).toBe(before.categories[1]!.factors[1]);
  after.categories.slice(2).forEach((category, i) => expect(category).toBe(before.categories[i + 2]));

  // The diagram's boxes: only the typed-into box is new (its text wraps to the same height, so nothing moves).
  const layoutAfter = shareUnchanged(layoutBefore, layoutFishbone(after));
  const boxes = (layout: typeof layoutBefore) => layout.columns.flatMap((c) => c.factors);
  const changed = boxes(layoutAfter).filter((box, i) => box !== boxes(layoutBefore)[i]);
  expect(changed.map((box) => box.id)).toEqual([typedInto]);
  expect(layoutAfter.columns[0]).toBe(layoutBefore.columns[0]);
  view.destroy();
});

it('a change that leaves the diagram as it was keeps the very same fishbone', () => {
  const { doc, typedInto } = boardWithFactors();
  const view = new BoardView(doc);
  const before = view.fishbone;
  const text = factorText(doc, typedInto)!;
  doc.transact(() => {
    text.insert(0, 'x');
    text.delete(0, 1);
  });
  expect(view.fishbone).toBe(before);
  view.destroy();
});
