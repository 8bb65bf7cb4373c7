import type { Fishbone } from '@debrief/model';
import { flattenFactors } from '@debrief/model';

/** What is selected on the diagram. */
export type Selection = { kind: 'factor' | 'category'; id: string } | { kind: 'head' } | null;

/** Every selectable item in reading order: the head, then each bone followed by its factors. */
export function readingOrder(fishbone: Fishbone): Exclude<Selection, null>[] {
  const items: Exclude<Selection, null>[] = [{ kind: 'head' }];
  for (const category of fishbone.categories) {
    items.push({ kind: 'category', id: category.id });
    for (const factor of flattenFactors({ problem: '', categories: [category] })) items.push({ kind: 'factor', id: factor.id });
  }
  return items;
}

/** The selection one step before or after the current one (wrapping at neither end). */
export function step(fishbone: Fishbone, current: Selection, direction: -1 | 1): Selection {
  const items = readingOrder(fishbone);
  const index = items.findIndex((item) => sameSelection(item, current));
  const next = items[Math.max(0, Math.min(items.length - 1, index + direction))];
  return next ?? current;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'head' || a.id === (b as { id: string }).id;
}

/** The DOM id of a selectable item on the diagram, for focusing it. */
export function domId(selection: Exclude<Selection, null>): string {
  return selection.kind === 'head' ? 'fishbone-head' : `fishbone-${selection.kind}-${selection.id}`;
}
