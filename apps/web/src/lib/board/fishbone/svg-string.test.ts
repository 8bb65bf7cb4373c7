import { expect, it } from 'vitest';
import { layoutFishbone } from './layout.ts';
import { fishboneSvgString, xml } from './svg-string.ts';

it('draws the fishbone as a standalone SVG with every text escaped', () => {
  const fishbone = {
    problem: 'Checkout <failed> & "stalled"',
    categories: [
      {
        id: 'c',
        name: 'Tooling',
        order: 1,
        factors: [{ id: 'f', categoryId: 'c', parentId: null, text: '<script>alert(1)</script>', order: 1, depth: 0, evidence: null, children: [] }],
      },
    ],
  };
  const svg = fishboneSvgString(layoutFishbone(fishbone));
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toContain('<script>');
  expect(svg).toContain('&lt;script&gt;');
  expect(svg).toContain('&lt;failed&gt;');
  expect(svg).toContain('&quot;stalled&quot;');
  expect(xml(`'`)).toBe('&apos;');
});
