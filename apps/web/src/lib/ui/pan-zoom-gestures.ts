/** What the gestures move: a view that pans by screen pixels and zooms about a point of its element. */
export interface Zoomable {
  panBy(dx: number, dy: number): void;
  zoomAt(factor: number, x: number, y: number): void;
}

interface Spot {
  x: number;
  y: number;
}

/** How far a wheel notch zooms: e^(deltaY / this). */
const WHEEL_ZOOM = 300;

/**
 * The pan and zoom gestures every zoomable surface shares (the observations canvas, the fishbone): drag the
 * background with one pointer to pan; two fingers pinch to zoom about their middle and pan as they move together;
 * Ctrl+wheel (a trackpad's pinch arrives as one) zooms about the pointer; the wheel alone pans or is left to the page.
 * Pointer Events throughout, so a mouse, a pen and a tablet's fingers take the same path.
 */
export class PanZoomGestures {
  /** Pointers down on the surface, by id, in client coordinates. */
  readonly #pointers = new Map<number, Spot>();
  #panning: number | null = null;

  constructor(
    private readonly view: Zoomable,
    /** The element's top-left corner in client coordinates (zoom is about points of the element). */
    private readonly origin: () => Spot,
  ) {}

  /** Whether two pointers are down: a pinch, which any one-pointer gesture (a drag, a marquee) must give way to. */
  get pinching(): boolean {
    return this.#pointers.size >= 2;
  }

  /** Notes a pointer going down; returns true when it makes a pinch. */
  down(event: PointerEvent): boolean {
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pinching) this.#panning = null;
    return this.pinching;
  }

  /** Pans with this pointer until it is lifted (a drag on the background). */
  panWith(event: PointerEvent): void {
    this.#panning = event.pointerId;
  }

  /** Follows a pointer; returns true when the move was a pan or a pinch (nothing else should act on it). */
  move(event: PointerEvent): boolean {
    const before = this.#pointers.get(event.pointerId);
    if (!before) return false;
    const after = { x: event.clientX, y: event.clientY };
    if (this.pinching) {
      const [a, b] = [...this.#pointers.values()];
      const other = a === before ? b! : a!;
      const origin = this.origin();
      const { factor, dx, dy, around } = pinchStep(before, after, other);
      this.view.zoomAt(factor, around.x - origin.x, around.y - origin.y);
      this.view.panBy(dx, dy);
    } else if (this.#panning === event.pointerId) {
      this.view.panBy(after.x - before.x, after.y - before.y);
    }
    this.#pointers.set(event.pointerId, after);
    return this.pinching || this.#panning === event.pointerId;
  }

  /** Forgets a pointer lifted or cancelled. */
  up(event: PointerEvent): void {
    this.#pointers.delete(event.pointerId);
    if (this.#panning === event.pointerId) this.#panning = null;
  }

  /**
   * Ctrl+wheel zooms about the pointer. The wheel alone pans when `wheelPans` (a surface that fills its box), or is
   * left to scroll the page (a drawing shown whole on the page). Returns true when it acted.
   */
  wheel(event: WheelEvent, wheelPans: boolean): boolean {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const origin = this.origin();
      this.view.zoomAt(Math.exp(-event.deltaY / WHEEL_ZOOM), event.clientX - origin.x, event.clientY - origin.y);
      return true;
    }
    if (!wheelPans) return false;
    event.preventDefault();
    this.view.panBy(-event.deltaX, -event.deltaY);
    return true;
  }
}

/**
 * One step of a two-finger gesture, as one finger moves from `before` to `after` while the other stays at `still`:
 * the zoom (the change in their distance) about where their middle was, then the pan that carries that middle to
 * where it is now.
 */
export function pinchStep(before: Spot, after: Spot, still: Spot): { factor: number; dx: number; dy: number; around: Spot } {
  const distanceBefore = Math.hypot(before.x - still.x, before.y - still.y);
  const distanceAfter = Math.hypot(after.x - still.x, after.y - still.y);
  const around = { x: (before.x + still.x) / 2, y: (before.y + still.y) / 2 };
  const factor = distanceBefore > 0 && distanceAfter > 0 ? distanceAfter / distanceBefore : 1;
  return { factor, dx: (after.x - before.x) / 2, dy: (after.y - before.y) / 2, around };
}
