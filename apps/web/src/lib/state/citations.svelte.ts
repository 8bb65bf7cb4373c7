import type { FactorNode } from '@debrief/model';

const NOTHING_CITES: readonly FactorNode[] = Object.freeze([]);

/** Whether two lists of citing factors show the same thing (the same factors, in order, with the same words). */
function sameCitations(a: readonly FactorNode[], b: readonly FactorNode[]): boolean {
  return a.length === b.length && a.every((factor, i) => factor.id === b[i]!.id && factor.text === b[i]!.text);
}

/** What one cited note or event shows as citing it; a reactive cell of its own. */
class Cell {
  value = $state.raw<readonly FactorNode[]>(NOTHING_CITES);
}

/**
 * The factors citing each note and event. Every item ever cited has a reactive cell of its own, so typing into a
 * factor updates only the item it cites; the items nothing cites share one signal that changes only when an item
 * is cited for the first time. (A SvelteMap would not do: writing a key it holds also wakes every reader of a key
 * it does not hold, which is every item that nothing cites.) Cells are made in `update`, never while a component
 * reads one: Svelte does not track state created inside the reaction that reads it.
 */
export class Citations {
  // Plain on purpose: each cell is reactive itself, and a reactive map is what this class replaces.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cells = new Map<string, Cell>();
  #newlyCited = $state.raw(0);

  /** The factors citing the item with this evidence key. */
  get(key: string): readonly FactorNode[] {
    const cell = this.#cells.get(key);
    if (cell) return cell.value;
    void this.#newlyCited;
    return NOTHING_CITES;
  }

  /** Takes a fresh index, writing only the cells whose citations changed. */
  update(index: ReadonlyMap<string, readonly FactorNode[]>): void {
    let added = false;
    for (const [key, factors] of index) {
      if (this.#cells.has(key)) continue;
      const cell = new Cell();
      cell.value = factors;
      this.#cells.set(key, cell);
      added = true;
    }
    for (const [key, cell] of this.#cells) {
      const factors = index.get(key) ?? NOTHING_CITES;
      if (!sameCitations(cell.value, factors)) cell.value = factors;
    }
    if (added) this.#newlyCited++;
  }
}
