import { describe, expect, it } from 'vitest';
import { PanZoomGestures, pinchStep, type Zoomable } from './pan-zoom-gestures.ts';

/** A view as the PanZoom class keeps it: a translation and a scale; a canvas point p shows at p * scale + (x, y). */
class View implements Zoomable {
  x = 0;
  y = 0;
  scale = 1;
  panBy(dx: number, dy: number) {
    this.x += dx;
    this.y += dy;
  }
  zoomAt(factor: number, px: number, py: number) {
    this.x = px - (px - this.x) * factor;
    this.y = py - (py - this.y) * factor;
    this.scale *= factor;
  }
  /** Where on the element a point of the drawing shows. */
  screen(p: { x: number; y: number }) {
    return { x: p.x * this.scale + this.x, y: p.y * this.scale + this.y };
  }
}

const pointer = (pointerId: number, clientX: number, clientY: number) => ({ pointerId, clientX, clientY }) as PointerEvent;
const origin = { x: 100, y: 50 };

describe('pan and zoom gestures', () => {
  it('pans with a pointer dragged on the background, and only with that one', () => {
    const view = new View();
    const gestures = new PanZoomGestures(view, () => origin);
    gestures.down(pointer(1, 200, 200));
    gestures.panWith(pointer(1, 200, 200));
    expect(gestures.move(pointer(1, 230, 190))).toBe(true);
    expect(view).toMatchObject({ x: 30, y: -10 });
    gestures.up(pointer(1, 230, 190));
    expect(gestures.move(pointer(1, 260, 190))).toBe(false);
    expect(view.x).toBe(30);
  });

  it('pinches: the drawing under the two fingers stays under them as they spread and move', () => {
    const view = new View();
    const gestures = new PanZoomGestures(view, () => origin);
    // Two fingers on the drawing's points A and B (client = element + origin).
    const a = { x: 100, y: 100 };
    const b = { x: 300, y: 100 };
    gestures.down(pointer(1, a.x + origin.x, a.y + origin.y));
    expect(gestures.down(pointer(2, b.x + origin.x, b.y + origin.y))).toBe(true);
    // Spread apart (each finger in turn, as pointer events arrive), then both move down 40 px.
    expect(gestures.move(pointer(1, 0 + origin.x, 100 + origin.y))).toBe(true);
    gestures.move(pointer(2, 400 + origin.x, 100 + origin.y));
    gestures.move(pointer(1, 0 + origin.x, 140 + origin.y));
    gestures.move(pointer(2, 400 + origin.x, 140 + origin.y));
    expect(view.scale).toBeCloseTo(2);
    expect(view.screen(a).x).toBeCloseTo(0);
    expect(view.screen(b).x).toBeCloseTo(400);
    expect(view.screen(a).y).toBeCloseTo(140);
    expect(view.screen(b).y).toBeCloseTo(140);
  });

  it('a second finger ends a one-finger pan: the pinch takes over', () => {
    const view = new View();
    const gestures = new PanZoomGestures(view, () => origin);
    gestures.down(pointer(1, 200, 200));
    gestures.panWith(pointer(1, 200, 200));
    gestures.down(pointer(2, 300, 200));
    gestures.up(pointer(2, 300, 200));
    // One finger left, no longer panning: it was part of a pinch.
    expect(gestures.move(pointer(1, 250, 200))).toBe(false);
  });

  it('zooms about the pointer with Ctrl+wheel; the wheel alone pans or is left to the page', () => {
    const view = new View();
    const gestures = new PanZoomGestures(view, () => origin);
    const wheel = (deltaY: number, ctrlKey: boolean) =>
      ({ deltaX: 0, deltaY, ctrlKey, metaKey: false, clientX: 300, clientY: 250, preventDefault() {} }) as WheelEvent;
    const under = { x: 200, y: 200 };
    expect(gestures.wheel(wheel(-300, true), false)).toBe(true);
    expect(view.scale).toBeCloseTo(Math.E);
    expect(view.screen(under)).toEqual({ x: expect.closeTo(200), y: expect.closeTo(200) });
    expect(gestures.wheel(wheel(50, false), false)).toBe(false);
    expect(gestures.wheel(wheel(50, false), true)).toBe(true);
    expect(view.screen(under).y).toBeCloseTo(150);
  });

  it('computes one pinch step from the fingers alone', () => {
    expect(pinchStep({ x: 0, y: 0 }, { x: -10, y: 0 }, { x: 10, y: 0 })).toEqual({ factor: 2, dx: -5, dy: 0, around: { x: 5, y: 0 } });
    // Fingers on one spot do not divide by zero.
    expect(pinchStep({ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 0, y: 0 }).factor).toBe(1);
  });
});
