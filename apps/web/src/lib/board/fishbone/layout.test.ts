import { describe, expect, it } from 'vitest';
import type { CategoryNode, FactorNode, Fishbone } from '@debrief/model';
import { layoutFishbone, type Box, type FishboneLayout } from './layout.ts';
import { wrapText } from './wrap.ts';

/** A small deterministic random source, so a failing case can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

const WORDS =
  'alert runbook deploy config paging capacity replica timeout retry cache queue schema migration dashboard supercalifragilisticexpialidocious-service-name'.split(
    ' ',
  );

function randomFishbone(seed: number, factorCount: number): Fishbone {
  const next = random(seed);
  const categories: CategoryNode[] = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, name: `Category ${i}`, order: i, factors: [] }));
  const all: FactorNode[] = [];
  for (let i = 0; i < factorCount; i++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 40) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const category = categories[Math.floor(next() * categories.length)]!;
    const candidates = all.filter((f) => f.categoryId === category.id && f.depth < 4);
    const parent = next() < 0.5 && candidates.length ? candidates[Math.floor(next() * candidates.length)] : undefined;
    const node: FactorNode = {
      id: `f${i}`,
      categoryId: category.id,
      parentId: parent?.id ?? null,
      text: words.join(' '),
      order: i,
      depth: parent ? parent.depth + 1 : 0,
      evidence: null,
      children: [],
    };
    (parent ? parent.children : category.factors).push(node);
    all.push(node);
  }
  return { problem: 'Checkout requests failed for 40 minutes after the config deploy', categories };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box of a layout of `count` factors: none overlaps another, all inside the drawing. */
function expectTidy(layout: FishboneLayout, count: number) {
  const boxes: Box[] = [layout.head];
  for (const column of layout.columns) boxes.push(column.label, column.addSlot, ...column.factors);
  expect(layout.columns.flatMap((c) => c.factors)).toHaveLength(count);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `boxes ${i} and ${j} overlap`).toBe(false);
  }
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
  }
}

describe('fishbone layout', () => {
  it('wraps text to the width, splitting words that are too long', () => {
    expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('', 5)).toEqual(['']);
    for (const line of wrapText(WORDS.join(' '), 20)) expect(line.length).toBeLessThanOrEqual(20);
  });

  it.each([1, 2, 3, 4, 5])('places 60 factors of random length and nesting without any overlap (seed %i)', (seed) => {
    const layout = layoutFishbone(randomFishbone(seed, 60));
    expectTidy(layout, 60);
    // Every factor's text fits its box.
    for (const factor of layout.columns.flatMap((c) => c.factors)) {
      for (const line of factor.lines) expect(line.length * 7.4).toBeLessThanOrEqual(factor.width - 16 + 0.001);
    }
  });

  it('keeps the spine between the rows and bones on their side of it', () => {
    const layout = layoutFishbone(randomFishbone(9, 30));
    for (const column of layout.columns) {
      for (const factor of column.factors) {
        if (column.side === 'top') expect(factor.y + factor.height).toBeLessThan(layout.spine.y1);
        else expect(factor.y).toBeGreaterThan(layout.spine.y1);
      }
      expect(column.bone.y2).toBe(layout.spine.y1);
    }
  });

  it('places whys after and indented from their parent, in order', () => {
    const fishbone = randomFishbone(7, 40);
    const layout = layoutFishbone(fishbone);
    for (const column of layout.columns) {
      column.factors.forEach((factor, index) => {
        if (index > 0) expect(factor.y).toBeGreaterThan(column.factors[index - 1]!.y);
        if (!factor.parentId) return;
        const parent = column.factors.find((f) => f.id === factor.parentId)!;
        expect(factor.y).toBeGreaterThan(parent.y);
        expect(factor.x).toBe(parent.x + 18);
      });
    }
  });

  it('is stable: the same diagram always lays out the same way', () => {
    expect(layoutFishbone(randomFishbone(3, 60))).toEqual(layoutFishbone(randomFishbone(3, 60)));
  });

  it('wraps long bone names instead of letting them overflow', () => {
    const layout = layoutFishbone({
      problem: 'p',
      categories: [{ id: 'a', name: 'Ownership & communication across the platform and product teams', order: 1, factors: [] }],
    });
    const label = layout.columns[0]!.label;
    expect(label.lines.length).toBeGreaterThan(1);
    for (const line of label.lines) expect(line.length * 8).toBeLessThanOrEqual(label.width - 16);
    expect(label.height).toBeGreaterThanOrEqual(label.lines.length * 17);
  });

  it.each([1, 2, 3])('stands the fish upright when it is too wide for its space, still without overlap (seed %i)', (seed) => {
    const fishbone = randomFishbone(seed, 60);
    const across = layoutFishbone(fishbone);
    expect(across.orientation).toBe('across');
    expect(layoutFishbone(fishbone, across.width).orientation).toBe('across');
    const layout = layoutFishbone(fishbone, 700);
    expect(layout.orientation).toBe('down');
    expect(layout.width).toBeLessThanOrEqual(700);
    expectTidy(layout, 60);
    const spineX = layout.spine.x1;
    expect(layout.spine.x2).toBe(spineX);
    for (const column of layout.columns) {
      expect(column.bone.x2).toBe(spineX);
      for (const factor of column.factors) {
        if (column.side === 'left') expect(factor.x + factor.width).toBeLessThan(spineX);
        else expect(factor.x).toBeGreaterThan(spineX);
        // A factor's connector reaches its bone or its parent, never across the spine.
        expect(Math.min(factor.connector.x1, factor.connector.x2) < spineX === (column.side === 'left')).toBe(true);
      }
      expect(column.bone.y2).toBeLessThan(layout.head.y);
    }
  });

  it('lays out an empty diagram with its bones and head', () => {
    const layout = layoutFishbone({ problem: '', categories: [{ id: 'a', name: 'Process', order: 1, factors: [] }] });
    expect(layout.columns).toHaveLength(1);
    expect(layout.head.lines).toEqual(['Problem statement']);
  });
});
