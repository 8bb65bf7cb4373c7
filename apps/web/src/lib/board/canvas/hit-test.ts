import { CANVAS, type Point, type Rect } from '@debrief/model';

/** Whether a point is inside a rectangle. */
export const contains = (rect: Rect, p: Point) => p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;

/** Whether two rectangles share any area. */
export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A note's rectangle from its top-left corner. */
export const noteRect = (at: Point): Rect => ({ ...at, ...CANVAS.note });

/** The rectangle two corners span, in either order (a marquee). */
export function spanned(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The topmost note under a point, leaving out `except` (the notes being dragged); later notes are drawn on top. */
export function noteAt(positions: ReadonlyMap<string, Point>, p: Point, except: ReadonlySet<string>): string | null {
  let found: string | null = null;
  for (const [id, at] of positions) if (!except.has(id) && contains(noteRect(at), p)) found = id;
  return found;
}

/** The smallest frame under a point (a frame inside another is the one meant), or null. */
export function frameAt<F extends Rect & { id: string }>(frames: readonly F[], p: Point): F | null {
  let found: F | null = null;
  for (const frame of frames) {
    if (frame.width > 0 && contains(frame, p) && (!found || frame.width * frame.height < found.width * found.height)) found = frame;
  }
  return found;
}

/** The notes a marquee touches. */
export function notesIn(positions: ReadonlyMap<string, Point>, area: Rect): string[] {
  return [...positions].filter(([, at]) => intersects(noteRect(at), area)).map(([id]) => id);
}
