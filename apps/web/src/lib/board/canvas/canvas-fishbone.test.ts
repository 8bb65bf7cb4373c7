import { describe, expect, it } from 'vitest';
import type { Fishbone } from '@debrief/model';
import { boneAt, fishRect, placeFish } from './canvas-fishbone.ts';

const fishbone = (bones: number): Fishbone =>
  ({
    problem: 'Checkout failed',
    categories: Array.from({ length: bones }, (_, i) => ({
      id: `c${i}`,
      name: `Bone ${i}`,
      factors:
        i === 0
          ? [{ id: 'f1', text: 'Alerts went to a muted channel', categoryId: 'c0', parentId: null, depth: 0, children: [], evidence: null }]
          : [],
    })),
  }) as unknown as Fishbone;

describe('the fishbone on the canvas', () => {
  it('sits above the origin (where frames and the wall begin), whatever its size', () => {
    for (const bones of [1, 6, 12]) {
      const fish = placeFish(fishbone(bones));
      const rect = fishRect(fish);
      expect(rect.y + rect.height).toBeLessThan(0);
      expect(rect.x).toBe(0);
    }
  });

  it('finds the bone under a point: on its label or a factor, not on the head or outside the fish', () => {
    const fish = placeFish(fishbone(6));
    for (const column of fish.layout.columns) {
      const label = { x: fish.at.x + column.label.x + 5, y: fish.at.y + column.label.y + 5 };
      expect(boneAt(fish, label)).toBe(column.categoryId);
    }
    const factor = fish.layout.columns[0]!.factors[0]!;
    expect(boneAt(fish, { x: fish.at.x + factor.x + 4, y: fish.at.y + factor.y + 4 })).toBe('c0');
    const head = fish.layout.head;
    expect(boneAt(fish, { x: fish.at.x + head.x + head.width / 2, y: fish.at.y + head.y + head.height / 2 })).toBeNull();
    expect(boneAt(fish, { x: 10, y: 10 })).toBeNull();
  });
});
