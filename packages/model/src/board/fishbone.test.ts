import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from './init.ts';
import {
  addCategory,
  addFactor,
  citationIndex,
  evidenceKey,
  factorsCiting,
  factorText,
  flattenFactors,
  MAX_FACTOR_DEPTH,
  moveCategory,
  moveFactor,
  readFishbone,
  removeCategory,
  removeFactor,
  renameCategory,
  setFactorEvidence,
} from './fishbone.ts';

const board = () => {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Search outage' });
  return doc;
};
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('fishbone', () => {
  it('adds, renames, reorders and removes bones', () => {
    const doc = board();
    const id = addCategory(doc, 'Capacity');
    renameCategory(doc, id, 'Capacity planning');
    let names = readFishbone(doc).categories.map((c) => c.name);
    expect(names.at(-1)).toBe('Capacity planning');
    moveCategory(doc, id, -1);
    names = readFishbone(doc).categories.map((c) => c.name);
    expect(names.slice(-2)).toEqual(['Capacity planning', 'Environment & dependencies']);
    moveCategory(doc, id, 1);
    moveCategory(doc, id, 1); // already last: no change
    expect(readFishbone(doc).categories.at(-1)?.name).toBe('Capacity planning');
    addFactor(doc, { categoryId: id, text: 'No load test' });
    removeCategory(doc, id);
    expect(readFishbone(doc).categories.map((c) => c.name)).not.toContain('Capacity planning');
    expect(flattenFactors(readFishbone(doc))).toEqual([]);
  });

  it('nests whys at least four levels deep and stops at the limit', () => {
    const doc = board();
    const bone = readFishbone(doc).categories[0]!.id;
    let parent = addFactor(doc, { categoryId: bone, text: 'level 0' });
    for (let level = 1; level < MAX_FACTOR_DEPTH; level++) parent = addFactor(doc, { categoryId: bone, parentId: parent, text: `level ${level}` });
    expect(addFactor(doc, { categoryId: bone, parentId: parent, text: 'too deep' })).toBeNull();
    const flat = flattenFactors(readFishbone(doc));
    expect(flat.map((f) => [f.text, f.depth])).toEqual([0, 1, 2, 3, 4].map((d) => [`level ${d}`, d]));
    expect(MAX_FACTOR_DEPTH).toBeGreaterThanOrEqual(5);
  });

  it('moves a factor with its whys to another bone, and removes subtrees', () => {
    const doc = board();
    const [a, b] = readFishbone(doc).categories;
    const root = addFactor(doc, { categoryId: a!.id, text: 'root' })!;
    const why = addFactor(doc, { categoryId: a!.id, parentId: root, text: 'why' })!;
    moveFactor(doc, root, b!.id);
    const fishbone = readFishbone(doc);
    expect(fishbone.categories[1]!.factors[0]).toMatchObject({ id: root, children: [expect.objectContaining({ id: why, categoryId: b!.id })] });
    expect(fishbone.categories[0]!.factors).toEqual([]);
    removeFactor(doc, root);
    expect(flattenFactors(readFishbone(doc))).toEqual([]);
  });

  it('keeps evidence links by id, so editing either side keeps the link', () => {
    const doc = board();
    const bone = readFishbone(doc).categories[2]!.id;
    const id = addFactor(doc, { categoryId: bone, text: 'Alert routed to old channel', evidence: { kind: 'note', id: 'note000000000001' } })!;
    factorText(doc, id)?.insert(0, 'Paging: ');
    const fishbone = readFishbone(doc);
    expect(factorsCiting(fishbone, { kind: 'note', id: 'note000000000001' }).map((f) => f.text)).toEqual(['Paging: Alert routed to old channel']);
    setFactorEvidence(doc, id, { kind: 'event', id: 'evt0000000000001' });
    expect(factorsCiting(readFishbone(doc), { kind: 'event', id: 'evt0000000000001' })).toHaveLength(1);
    const second = addFactor(doc, {
      categoryId: readFishbone(doc).categories[0]!.id,
      text: 'Also cites it',
      evidence: { kind: 'event', id: 'evt0000000000001' },
    })!;
    const index = citationIndex(readFishbone(doc));
    expect(
      index
        .get(evidenceKey({ kind: 'event', id: 'evt0000000000001' }))
        ?.map((f) => f.id)
        .sort(),
    ).toEqual([id, second].sort());
    expect(index.has(evidenceKey({ kind: 'note', id: 'note000000000001' }))).toBe(false);
    removeFactor(doc, second);
    setFactorEvidence(doc, id, null);
    expect(readFishbone(doc).categories[2]!.factors[0]!.evidence).toBeNull();
  });

  it('merges concurrent edits: factors from two people and a child of a concurrently deleted parent survive', () => {
    const a = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const bone = readFishbone(a).categories[0]!.id;
    const parent = addFactor(a, { categoryId: bone, text: 'parent' })!;
    sync(a, b);
    addFactor(b, { categoryId: bone, parentId: parent, text: 'child added by b' });
    addFactor(a, { categoryId: bone, text: 'sibling added by a' });
    removeFactor(a, parent);
    sync(a, b);
    const texts = (doc: Y.Doc) =>
      flattenFactors(readFishbone(doc))
        .map((f) => f.text)
        .sort();
    expect(texts(a)).toEqual(['child added by b', 'sibling added by a']);
    expect(texts(b)).toEqual(texts(a));
  });

  it('orders factors stably: by order, then id, identically on every replica', () => {
    const a = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const bone = readFishbone(a).categories[0]!.id;
    addFactor(a, { categoryId: bone, text: 'from a' });
    addFactor(b, { categoryId: bone, text: 'from b' });
    sync(a, b);
    expect(readFishbone(a)).toEqual(readFishbone(b));
  });
});
