import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateDocument } from '../schema/documents.ts';
import { repairRecord } from '../schema/repair.ts';
import { PLACEMENT_RECORD } from '../schema/board-records.ts';
import { CANVAS_EXTENT } from '../limits.ts';
import {
  arrangeIntoTheme,
  boundsOf,
  groupInNewFrame,
  CANVAS,
  cellInFrame,
  groupOnCanvas,
  moveNotes,
  notePositions,
  placementsMap,
  readPlacements,
  setFrame,
  unplaceNotes,
  wallCell,
  wallTop,
  type Rect,
} from './canvas.ts';
import { BOARD_SCHEMA_VERSION, metaMap } from './shape.ts';
import { createTheme, noteThemesMap, readThemes, themesMap } from './themes.ts';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const noteRect = (at: { x: number; y: number }): Rect => ({ ...at, ...CANVAS.note });
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** A board as the wall left it before the canvas: themes (no frame fields) and which notes each groups. */
function boardBeforeCanvas(): Y.Doc {
  const doc = new Y.Doc();
  metaMap(doc).set('schemaVersion', 2);
  const themes: [string, string, string[]][] = [
    ['theme000000000001', 'Alerting', ['note00000000000a', 'note00000000000b', 'note00000000000c', 'note00000000000d']],
    ['theme000000000002', 'Deploys', ['note00000000000e']],
    ['theme000000000003', 'Runbooks', []],
    ['theme000000000004', 'Capacity', ['note00000000000f', 'note00000000000g']],
  ];
  themes.forEach(([id, title, notes], index) => {
    const entry = new Y.Map<unknown>();
    entry.set('id', id);
    entry.set('title', title);
    entry.set('order', index + 1);
    themesMap(doc).set(id, entry);
    for (const note of notes) noteThemesMap(doc).set(note, id);
  });
  return doc;
}

describe('observations canvas', () => {
  it('turns a board from before the canvas into frames, in the wall’s order, with each theme’s notes inside its frame', () => {
    const doc = boardBeforeCanvas();
    expect(migrateDocument('board', doc)).toMatchObject({ from: 2 });
    const themes = readThemes(doc);
    const placements = readPlacements(doc);
    expect(themes.map((t) => t.title)).toEqual(['Alerting', 'Deploys', 'Runbooks', 'Capacity']);
    for (const [i, a] of themes.entries()) {
      expect(a.width).toBeGreaterThan(0);
      for (const b of themes.slice(i + 1)) expect(overlaps(a, b), `${a.title} and ${b.title}`).toBe(false);
      for (const note of a.noteIds) expect(inside(noteRect(placements.get(note)!), a), `${note} in ${a.title}`).toBe(true);
    }
    // In reading order: the first row left to right, then the next.
    expect(themes[1]!.x).toBeGreaterThan(themes[0]!.x);
    expect(themes[3]!.y).toBeGreaterThan(themes[0]!.y);
    // Notes in a theme do not overlap one another.
    const alerting = themes[0]!.noteIds.map((id) => noteRect(placements.get(id)!));
    for (const [i, a] of alerting.entries()) for (const b of alerting.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // Ungrouped notes get no placement: they sit in the wall grid below every frame.
    expect(placements.size).toBe(7);
    const top = wallTop(themes);
    for (const index of [0, 1, 7]) for (const frame of themes) expect(overlaps(noteRect(wallCell(index, top)), frame)).toBe(false);

    // A second run changes nothing.
    const before = Y.encodeStateVector(doc);
    expect(migrateDocument('board', doc)).toEqual({ from: BOARD_SCHEMA_VERSION, to: BOARD_SCHEMA_VERSION });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('gives a new theme a frame after the others, holding its notes', () => {
    const doc = new Y.Doc();
    const first = createTheme(doc, 'One', ['n1', 'n2']);
    const second = createTheme(doc, 'Two', ['n3']);
    const [a, b] = readThemes(doc);
    expect([a!.id, b!.id]).toEqual([first, second]);
    expect(overlaps(a!, b!)).toBe(false);
    expect(inside(noteRect(readPlacements(doc).get('n3')!), b!)).toBe(true);
    expect(readPlacements(doc).get('n1')).toEqual(cellInFrame(a!, 0));
  });

  it('moves a frame with its notes, resizes it without them', () => {
    const doc = new Y.Doc();
    const id = createTheme(doc, 'One', ['n1', 'n2']);
    moveNotes(doc, [{ id: 'loose', x: 900, y: 900 }]);
    const frame = readThemes(doc)[0]!;
    const before = readPlacements(doc);
    setFrame(doc, id, { ...frame, x: frame.x + 300, y: frame.y - 40 });
    expect(readPlacements(doc).get('n1')).toEqual({ x: before.get('n1')!.x + 300, y: before.get('n1')!.y - 40 });
    expect(readPlacements(doc).get('loose')).toEqual({ x: 900, y: 900 });
    setFrame(doc, id, { ...readThemes(doc)[0]!, width: 900, height: 600 });
    expect(readThemes(doc)[0]).toMatchObject({ width: 900, height: 600 });
    expect(readPlacements(doc).get('n1')).toEqual({ x: before.get('n1')!.x + 300, y: before.get('n1')!.y - 40 });
  });

  it('converges when two people drag at once: different notes both move, the same note ends in one place', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    moveNotes(alice, [{ id: 'n1', x: 10, y: 10 }]);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    moveNotes(alice, [
      { id: 'n1', x: 100, y: 100 },
      { id: 'n2', x: 5, y: 5 },
    ]);
    moveNotes(bob, [
      { id: 'n1', x: 300, y: 300 },
      { id: 'n3', x: 7, y: 7 },
    ]);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(readPlacements(alice)).toEqual(readPlacements(bob));
    expect([...readPlacements(alice).keys()].sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('keeps positions on the canvas: a write beyond its edge is brought back to the edge, not to the origin', () => {
    const doc = new Y.Doc();
    moveNotes(doc, [{ id: 'far', x: 10 ** 9, y: -(10 ** 9) }]);
    expect(readPlacements(doc).get('far')).toEqual({ x: CANVAS_EXTENT, y: -CANVAS_EXTENT });
    // A client writing the map directly is repaired by the server's guard the same way.
    const entry = placementsMap(doc).get('far')!;
    doc.transact(() => entry.set('x', 5 * CANVAS_EXTENT));
    let fixes: ReturnType<typeof repairRecord> = [];
    doc.transact(() => (fixes = repairRecord(entry, PLACEMENT_RECORD)));
    expect(entry.get('x')).toBe(CANVAS_EXTENT);
    expect(fixes).toEqual([{ record: 'placement', field: 'x', problem: expect.stringContaining('moved within') }]);
  });

  it('draws notes nobody moved in the wall grid below the frames, in reveal order, and moved ones where they were put', () => {
    const frames: Rect[] = [{ x: 0, y: 0, width: 600, height: 400 }];
    const positions = notePositions(['a', 'b', 'c'], new Map([['b', { x: -50, y: 20 }]]), frames);
    expect(positions.get('b')).toEqual({ x: -50, y: 20 });
    expect(positions.get('a')).toEqual(wallCell(0, wallTop(frames)));
    expect(positions.get('c')).toEqual(wallCell(1, wallTop(frames)));
    expect(positions.get('a')!.y).toBeGreaterThan(400);
    expect(boundsOf([...positions.values()].map(noteRect))).toEqual({
      x: -50,
      y: 20,
      width: CANVAS.note.width + CANVAS.gap + CANVAS.note.width + 50,
      height: positions.get('a')!.y + CANVAS.note.height - 20,
    });
    expect(boundsOf([])).toBeNull();
  });

  it('groups dropped notes into a new frame where they were dropped, every note inside it', () => {
    const doc = new Y.Doc();
    createTheme(doc, 'Elsewhere', ['x1']);
    moveNotes(doc, [{ id: 'a', x: 5000, y: 5000 }]);
    const id = groupOnCanvas(doc, ['a', 'b'], { x: 2000, y: 3000 });
    const frame = readThemes(doc).find((t) => t.id === id)!;
    expect(frame).toMatchObject({ x: 2000, y: 3000, noteIds: ['a', 'b'] });
    for (const note of ['a', 'b']) expect(inside(noteRect(readPlacements(doc).get(note)!), frame)).toBe(true);
  });

  it('puts a note grouped from the list into its frame’s first free cell, growing a full frame, and back to the wall when taken out', () => {
    const doc = new Y.Doc();
    // Notes someone had moved far away before they were grouped from the list.
    moveNotes(doc, [
      { id: 'a', x: 9000, y: 9000 },
      { id: 'b', x: -4000, y: 200 },
    ]);
    const id = groupInNewFrame(doc, 'Alert routing', ['a', 'b']);
    const frameOf = () => readThemes(doc).find((t) => t.id === id)!;
    for (const note of ['a', 'b']) expect(inside(noteRect(readPlacements(doc).get(note)!), frameOf())).toBe(true);
    expect(frameOf().title).toBe('Alert routing');

    // A frame two notes wide (resized by someone) takes a third note in a new row, and grows to hold it.
    setFrame(doc, id, { ...frameOf(), width: 2 * CANVAS.note.width + CANVAS.gap + 2 * CANVAS.framePadding });
    moveNotes(doc, [{ id: 'c', x: 7000, y: -7000 }]);
    arrangeIntoTheme(doc, 'c', id);
    const frame = frameOf();
    expect(frame.noteIds).toEqual(['a', 'b', 'c']);
    const placed = readPlacements(doc);
    for (const note of ['a', 'b', 'c']) expect(inside(noteRect(placed.get(note)!), frame)).toBe(true);
    expect(overlaps(noteRect(placed.get('c')!), noteRect(placed.get('a')!))).toBe(false);
    expect(overlaps(noteRect(placed.get('c')!), noteRect(placed.get('b')!))).toBe(false);

    // Taken out from the list: out of the theme, and back in the wall grid (no placement of its own).
    arrangeIntoTheme(doc, 'c', null);
    expect(noteThemesMap(doc).has('c')).toBe(false);
    expect(readPlacements(doc).has('c')).toBe(false);
  });

  it('sends notes back to the wall', () => {
    const doc = new Y.Doc();
    moveNotes(doc, [
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 20, y: 20 },
    ]);
    unplaceNotes(doc, ['a']);
    expect([...readPlacements(doc).keys()]).toEqual(['b']);
    expect(notePositions(['a', 'b'], readPlacements(doc), []).get('a')).toEqual(wallCell(0, 0));
  });

  it('fills a gap a note left in its frame before adding a row', () => {
    const doc = new Y.Doc();
    const id = groupInNewFrame(doc, '', ['a', 'b', 'c']);
    const cellOfB = readPlacements(doc).get('b')!;
    arrangeIntoTheme(doc, 'b', null);
    arrangeIntoTheme(doc, 'd', id);
    expect(readPlacements(doc).get('d')).toEqual(cellOfB);
  });
});
