import * as Y from 'yjs';
import { PLACEMENT_RECORD, THEME_RECORD } from '../schema/board-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';
import { createTheme, noteThemesMap, readThemes, setNoteTheme, themesMap } from './themes.ts';

/**
 * The observations canvas, in `<id>/board`: revealed notes and theme frames laid out on an unbounded plane. A note
 * someone moved has a placement (`placements`, by note id); a note nobody moved yet sits in the wall grid below the
 * frames, in reveal order, so a fresh reveal lands tidy and boards from before the canvas open as they looked.
 * Frames are the themes' `x`, `y`, `width`, `height`.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  width: number;
  height: number;
}

/** Sizes on the canvas, in canvas units (CSS pixels at 100 % zoom). */
export const CANVAS = {
  note: { width: 220, height: 180 },
  gap: 16,
  /** Notes per row of the wall grid. */
  wallColumns: 6,
  /** Room for a frame's title above its notes. */
  frameHeader: 44,
  framePadding: 16,
  /** Notes per row inside a frame laid out by the canvas. */
  frameColumns: 3,
  /** Frames per row when the canvas lays them out. */
  framesPerRow: 3,
} as const;

export const placementsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('placements');

/** Every placed note's position, by note id. */
export function readPlacements(doc: Y.Doc): Map<string, Point> {
  const placements = new Map<string, Point>();
  placementsMap(doc).forEach((entry, noteId) => {
    if (entry instanceof Y.Map) placements.set(noteId, readRecord(entry, PLACEMENT_RECORD));
  });
  return placements;
}

/** The frame size that holds `count` notes in the canvas's own grid. */
export function frameSizeFor(count: number): { width: number; height: number } {
  const columns = Math.max(1, Math.min(CANVAS.frameColumns, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const { note, gap, framePadding, frameHeader } = CANVAS;
  return {
    width: 2 * framePadding + columns * note.width + (columns - 1) * gap,
    height: frameHeader + framePadding + rows * note.height + (rows - 1) * gap,
  };
}

/** Where the `index`-th note sits in a frame laid out by the canvas. */
export function cellInFrame(frame: Point, index: number): Point {
  const { note, gap, framePadding, frameHeader, frameColumns } = CANVAS;
  return {
    x: frame.x + framePadding + (index % frameColumns) * (note.width + gap),
    y: frame.y + frameHeader + Math.floor(index / frameColumns) * (note.height + gap),
  };
}

/** Where the `index`-th unmoved note sits: the wall grid, starting `top` (below every frame). */
export function wallCell(index: number, top: number): Point {
  const { note, gap, wallColumns } = CANVAS;
  return { x: (index % wallColumns) * (note.width + gap), y: top + Math.floor(index / wallColumns) * (note.height + gap) };
}

/** The top of the wall grid: below every frame, or at 0 without frames. */
export function wallTop(frames: readonly Rect[]): number {
  return frames.length ? Math.max(...frames.map((f) => f.y + f.height)) + 3 * CANVAS.gap : 0;
}

/** Where a new frame goes: after the last frame in its row, or starting a new row. */
export function nextFrameSpot(frames: readonly Rect[]): Point {
  if (frames.length === 0) return { x: 0, y: 0 };
  const rowTop = Math.max(...frames.map((f) => f.y));
  const row = frames.filter((f) => f.y === rowTop);
  if (row.length < CANVAS.framesPerRow) return { x: Math.max(...row.map((f) => f.x + f.width)) + 2 * CANVAS.gap, y: rowTop };
  return { x: 0, y: Math.max(...frames.map((f) => f.y + f.height)) + 2 * CANVAS.gap };
}

/** Moves notes on the canvas (one transaction: a multi-selection moves together for everyone). */
export function moveNotes(doc: Y.Doc, moves: readonly ({ id: string } & Point)[], origin: unknown = null): void {
  doc.transact(() => {
    const placements = placementsMap(doc);
    for (const { id, x, y } of moves) {
      let entry = placements.get(id);
      if (!(entry instanceof Y.Map)) {
        entry = new Y.Map<unknown>();
        writeFields(entry, PLACEMENT_RECORD, { x, y });
        placements.set(id, entry);
      } else writeFields(entry, PLACEMENT_RECORD, { x, y });
    }
  }, origin);
}

/** Sends notes back to the wall grid: they lose the places someone gave them (one transaction). */
export function unplaceNotes(doc: Y.Doc, noteIds: readonly string[], origin: unknown = null): void {
  doc.transact(() => {
    for (const id of noteIds) placementsMap(doc).delete(id);
  }, origin);
}

/**
 * Moves or resizes a theme's frame. Moving carries its notes along (by the same offset, in the same transaction);
 * resizing leaves them where they are.
 */
export function setFrame(doc: Y.Doc, themeId: string, frame: Rect, origin: unknown = null): void {
  const entry = themesMap(doc).get(themeId);
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => {
    const before = readRecord(entry, THEME_RECORD);
    const dx = frame.x - before.x;
    const dy = frame.y - before.y;
    writeFields(entry, THEME_RECORD, frame);
    if (dx === 0 && dy === 0) return;
    const placements = readPlacements(doc);
    const carried: ({ id: string } & Point)[] = [];
    noteThemesMap(doc).forEach((theme, noteId) => {
      const at = placements.get(noteId);
      if (theme === themeId && at) carried.push({ id: noteId, x: at.x + dx, y: at.y + dy });
    });
    moveNotes(doc, carried, origin);
  }, origin);
}

/**
 * Lays out the frames of themes that have none (width 0) and places their notes in them: what a board from before
 * the canvas gets once (its wall of theme groups becomes a row of frames), and what a theme made outside the canvas
 * gets. Notes already placed stay where they are.
 */
export function frameUnframedThemes(doc: Y.Doc, origin: unknown = null): void {
  const themes = readThemes(doc);
  const framed = themes.filter((t) => t.width > 0).map((t): Rect => ({ x: t.x, y: t.y, width: t.width, height: t.height }));
  const unframed = themes.filter((t) => t.width <= 0);
  if (unframed.length === 0) return;
  const placed = readPlacements(doc);
  doc.transact(() => {
    for (const theme of unframed) {
      const size = frameSizeFor(theme.noteIds.length);
      const frame = { ...nextFrameSpot(framed), ...size };
      framed.push(frame);
      const entry = themesMap(doc).get(theme.id);
      if (entry instanceof Y.Map) writeFields(entry, THEME_RECORD, frame);
      moveNotes(
        doc,
        theme.noteIds.filter((id) => !placed.has(id)).map((id, index) => ({ id, ...cellInFrame(frame, index) })),
        origin,
      );
    }
  }, origin);
}

/**
 * Where each note is drawn: its placement, or for a note nobody moved the next cell of the wall grid below the
 * frames, in the order given (reveal order), so newly revealed notes land tidy after the others and the wall closes
 * up as notes leave it. (While someone drags, their canvas holds the wall still: see ObservationsCanvas.)
 */
export function notePositions(noteIds: readonly string[], placements: ReadonlyMap<string, Point>, frames: readonly Rect[]): Map<string, Point> {
  const top = wallTop(frames);
  const positions = new Map<string, Point>();
  let unplaced = 0;
  for (const id of noteIds) positions.set(id, placements.get(id) ?? wallCell(unplaced++, top));
  return positions;
}

/** The smallest rectangle around all of these, or null for none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

/**
 * Groups notes into a new theme where they were dropped: its frame's top left at `at`, sized for them, every note
 * in a cell of it (one transaction). Returns the theme's id.
 */
export function groupOnCanvas(doc: Y.Doc, noteIds: readonly string[], at: Point, title = '', origin: unknown = null): string {
  let id = '';
  doc.transact(() => {
    // Placed first, so the new theme has no unplaced note for createTheme's own layout to move.
    const frame = { x: at.x, y: at.y, ...frameSizeFor(noteIds.length) };
    moveNotes(
      doc,
      noteIds.map((noteId, index) => ({ id: noteId, ...cellInFrame(frame, index) })),
      origin,
    );
    id = createTheme(doc, title, noteIds, origin);
    const entry = themesMap(doc).get(id);
    if (entry instanceof Y.Map) writeFields(entry, THEME_RECORD, frame);
  }, origin);
  return id;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The first cell of a frame that no note in `taken` covers, in rows as wide as the frame holds. */
export function freeCellIn(frame: Rect, taken: readonly Rect[]): Point {
  const { note, gap, framePadding, frameHeader } = CANVAS;
  const columns = Math.max(1, Math.floor((frame.width - 2 * framePadding + gap) / (note.width + gap)));
  for (let index = 0; ; index++) {
    const cell = {
      x: frame.x + framePadding + (index % columns) * (note.width + gap),
      y: frame.y + frameHeader + Math.floor(index / columns) * (note.height + gap),
    };
    if (!taken.some((rect) => overlaps(rect, { ...cell, ...note }))) return cell;
  }
}

/**
 * Puts a note into a theme and into the first free cell of its frame, making the frame taller when it is full; with
 * null, takes it out of its theme and back to the wall grid. What the list view's grouping and "Take out" do, so a
 * note grouped anywhere sits inside its frame on the canvas. (A note dropped into a frame on the canvas keeps the
 * place it was dropped: that is `setNoteTheme` alone.)
 */
export function arrangeIntoTheme(doc: Y.Doc, noteId: string, themeId: string | null, origin: unknown = null): void {
  doc.transact(() => {
    setNoteTheme(doc, noteId, themeId, origin);
    if (!themeId) {
      placementsMap(doc).delete(noteId);
      return;
    }
    frameUnframedThemes(doc, origin);
    const theme = readThemes(doc).find((t) => t.id === themeId);
    if (!theme) return;
    const placements = readPlacements(doc);
    const taken = theme.noteIds.filter((id) => id !== noteId && placements.has(id)).map((id) => ({ ...placements.get(id)!, ...CANVAS.note }));
    const cell = freeCellIn(theme, taken);
    moveNotes(doc, [{ id: noteId, ...cell }], origin);
    const bottom = cell.y + CANVAS.note.height + CANVAS.framePadding;
    const entry = themesMap(doc).get(themeId);
    if (bottom > theme.y + theme.height && entry instanceof Y.Map) writeFields(entry, THEME_RECORD, { height: bottom - theme.y });
  }, origin);
}

/** Groups notes into a new theme, framed after the others with every note inside it (the list view's grouping). */
export function groupInNewFrame(doc: Y.Doc, title: string, noteIds: readonly string[], origin: unknown = null): string {
  const frames = readThemes(doc).filter((t) => t.width > 0);
  return groupOnCanvas(doc, noteIds, nextFrameSpot(frames), title, origin);
}
