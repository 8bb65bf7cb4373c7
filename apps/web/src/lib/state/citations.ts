import type { FactorNode } from '@debrief/model';

/** Whether two lists of citing factors show the same thing (the same factors, in order, with the same words). */
function sameCitations(a: readonly FactorNode[], b: readonly FactorNode[]): boolean {
  return a.length === b.length && a.every((factor, i) => factor.id === b[i]!.id && factor.text === b[i]!.text);
}

/**
 * Brings the shown citations up to a fresh index, writing only the entries that changed. Held in a SvelteMap, each
 * note or event then updates only when its own citations do: typing into a factor touches the one item it cites,
 * not the 500 notes and events on the board.
 */
export function syncCitations(shown: Map<string, readonly FactorNode[]>, next: ReadonlyMap<string, FactorNode[]>): void {
  for (const key of [...shown.keys()]) if (!next.has(key)) shown.delete(key);
  for (const [key, factors] of next) {
    const before = shown.get(key);
    if (!before || !sameCitations(before, factors)) shown.set(key, factors);
  }
}
