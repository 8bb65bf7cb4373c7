import { FONT_SIZE } from './wrap.ts';

/** The smallest scale at which the diagram's text is still 12 px on screen: layout and fit keep to it where they can. */
export const READABLE_SCALE = 12 / FONT_SIZE;

/**
 * The diagram viewport's height follows the drawing at its current scale, plus a margin, with a floor: the whole
 * fish is on the page at a readable size (a tall upright one included), and the page scrolls past it.
 */
export const VIEWPORT = { marginPx: 48, minRem: 20 } as const;

/** The CSS height of the viewport for a drawing of this height at this scale. */
export function viewportHeightCss(contentHeight: number, scale: number): string {
  return `max(${VIEWPORT.minRem}rem, ${Math.round(contentHeight * scale + VIEWPORT.marginPx)}px)`;
}

/** The same height in pixels, for this root font size. */
export function viewportHeightPx(contentHeight: number, scale: number, remPx: number): number {
  return Math.max(VIEWPORT.minRem * remPx, Math.round(contentHeight * scale + VIEWPORT.marginPx));
}

/**
 * The scale and offset that show a whole drawing centred, never larger than life and never smaller than `minScale`.
 * `viewHeight` is the most the viewport can be; when its height follows the scale (`heightAt`), the drawing is
 * centred in the height it will take. A drawing still taller than that starts at its top (the rest is panned to).
 */
export function fitView(input: {
  contentWidth: number;
  contentHeight: number;
  viewWidth: number;
  viewHeight: number;
  heightAt?: ((scale: number) => number) | undefined;
  minScale: number;
}): { scale: number; x: number; y: number } {
  const { contentWidth, contentHeight, viewWidth, viewHeight, heightAt, minScale } = input;
  const scale = Math.min(1, Math.max(minScale, Math.min(viewWidth / contentWidth, viewHeight / contentHeight)));
  return {
    scale,
    x: (viewWidth - contentWidth * scale) / 2,
    y: Math.max(0, ((heightAt?.(scale) ?? viewHeight) - contentHeight * scale) / 2),
  };
}
