import { describe, expect, it } from 'vitest';
import { fitView, VIEWPORT, viewportHeightCss, viewportHeightPx } from './viewport.ts';

describe('diagram viewport', () => {
  const heightAt = (scale: number) => viewportHeightPx(600, scale, 16);

  it('follows the drawing at its scale, at least 20rem: a tall fish is on the page whole', () => {
    expect(viewportHeightPx(100, 1, 16)).toBe(320);
    expect(viewportHeightPx(400, 1, 16)).toBe(448);
    expect(viewportHeightPx(2000, 1, 16)).toBe(2048);
    expect(viewportHeightCss(400, 0.5)).toBe(`max(${VIEWPORT.minRem}rem, 248px)`);
  });

  it('fits a wide drawing centred in the height the viewport takes at the fitted scale', () => {
    const fitted = fitView({
      contentWidth: 1800,
      contentHeight: 600,
      viewWidth: 900,
      viewHeight: heightAt(1) - VIEWPORT.marginPx,
      heightAt,
      minScale: 0.2,
    });
    expect(fitted.scale).toBe(0.5);
    // At half scale the drawing is 300 px tall and the viewport 348 px: 24 px above and below.
    expect(heightAt(0.5)).toBe(348);
    expect(fitted.y).toBe(24);
    expect(fitted.x).toBe(0);
  });

  it('keeps a drawing readable: never below the smallest scale asked for, starting at its top when taller than the view', () => {
    const fitted = fitView({ contentWidth: 400, contentHeight: 1200, viewWidth: 900, viewHeight: 600, minScale: 12 / 13 });
    expect(fitted.scale).toBeCloseTo(12 / 13);
    expect(fitted.y).toBe(0);
  });
});
