import { fitView } from './viewport.ts';

/** Pan and zoom state for the diagram viewport: a translation and a scale, clamped to sensible limits. */
export class PanZoom {
  x = $state(0);
  y = $state(0);
  scale = $state(1);
  static readonly MIN = 0.2;
  static readonly MAX = 3;

  get transform(): string {
    return `translate(${this.x} ${this.y}) scale(${this.scale})`;
  }

  /** Zooms by a factor around a point of the viewport (the pointer, or the centre). */
  zoomAt(factor: number, px: number, py: number): void {
    const next = Math.min(PanZoom.MAX, Math.max(PanZoom.MIN, this.scale * factor));
    const applied = next / this.scale;
    this.x = px - (px - this.x) * applied;
    this.y = py - (py - this.y) * applied;
    this.scale = next;
  }

  /** Where a point of the screen (a pointer) is on the drawing, given where the viewport's corner is on screen. */
  toDrawing(client: { clientX: number; clientY: number }, corner: { left: number; top: number }): { x: number; y: number } {
    return { x: (client.clientX - corner.left - this.x) / this.scale, y: (client.clientY - corner.top - this.y) / this.scale };
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }

  /** Shows the whole drawing centred in the viewport, never larger than life (see `fitView`). */
  fit(
    contentWidth: number,
    contentHeight: number,
    viewWidth: number,
    viewHeight: number,
    heightAt?: (scale: number) => number,
    minScale: number = PanZoom.MIN,
  ): void {
    const fitted = fitView({ contentWidth, contentHeight, viewWidth, viewHeight, heightAt, minScale: Math.max(PanZoom.MIN, minScale) });
    this.scale = fitted.scale;
    this.x = fitted.x;
    this.y = fitted.y;
  }
}
