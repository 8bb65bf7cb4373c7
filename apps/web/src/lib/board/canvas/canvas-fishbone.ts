import { boundsOf, CANVAS, type Fishbone, type Point, type Rect } from '@debrief/model';
import { layoutFishbone, type FishboneLayout } from '../fishbone/layout.ts';

/** The wall grid's width: the fish above it lies across when it fits this, upright otherwise. */
const WALL_WIDTH = CANVAS.wallColumns * (CANVAS.note.width + CANVAS.gap) - CANVAS.gap;
/** Room between the fish and the notes below it (its title sits in it). */
const FISH_GAP = 96;

/** The fishbone as the canvas draws it: its layout, and where on the plane it sits (above the notes and frames). */
export interface CanvasFish {
  layout: FishboneLayout;
  at: Point;
}

/**
 * Lays the fish out above the canvas's origin, where frames and the wall begin below it. Its place depends on its own
 * size only, never on where notes are: it stays put under a note being dragged onto it.
 */
export function placeFish(fishbone: Fishbone): CanvasFish {
  const layout = layoutFishbone(fishbone, WALL_WIDTH);
  return { layout, at: { x: 0, y: -(layout.height + FISH_GAP) } };
}

/** The fish's rectangle on the plane (for fitting the view). */
export const fishRect = ({ layout, at }: CanvasFish): Rect => ({ ...at, width: layout.width, height: layout.height });

/** The bone (a category id) under a point of the plane, or null: its label, its line, its factors and the space between. */
export function boneAt({ layout, at }: CanvasFish, p: Point): string | null {
  const local = { x: p.x - at.x, y: p.y - at.y };
  for (const column of layout.columns) {
    const { x1, y1, x2, y2 } = column.bone;
    const area = boundsOf([
      column.label,
      column.addSlot,
      ...column.factors,
      { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) },
    ])!;
    if (local.x >= area.x && local.x <= area.x + area.width && local.y >= area.y && local.y <= area.y + area.height) return column.categoryId;
  }
  return null;
}
