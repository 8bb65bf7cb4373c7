/** One key's value; a reactive cell of its own. */
class Cell<T> {
  value = $state.raw() as T;
  constructor(value: T) {
    this.value = value;
  }
}

/**
 * A value per key (per note, event or factor), each in a reactive cell of its own, so a change to one key wakes only
 * the components showing that key. Keys that hold the empty value share one signal, which changes only when a key is
 * given a cell for the first time. (A SvelteMap would not do: writing a key it holds also wakes every reader of a
 * key it does not hold, which on a board is nearly every item.) Cells are made in `update`, never while a component
 * reads one: Svelte does not track state created inside the reaction that reads it. Cells stay for the session
 * (one per item ever cited or edited, a few hundred at most): removing one would strand the components reading it.
 */
export class KeyedCells<T> {
  // Plain on purpose: each cell is reactive itself, and a reactive map is what this class replaces.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cells = new Map<string, Cell<T>>();
  #newKeys = $state.raw(0);

  /**
   * @param empty what a key without a value reads as; keep it one shared object, so it compares equal
   * @param same whether two values show the same thing, so an unchanged value wakes no one
   */
  constructor(
    private readonly empty: T,
    private readonly same: (a: T, b: T) => boolean,
  ) {}

  get(key: string): T {
    const cell = this.#cells.get(key);
    if (cell) return cell.value;
    void this.#newKeys;
    return this.empty;
  }

  /** Takes every key's value afresh (keys left out are empty), writing only the cells whose value changed. */
  update(values: ReadonlyMap<string, T>): void {
    let added = false;
    for (const [key, value] of values) {
      if (this.#cells.has(key)) continue;
      this.#cells.set(key, new Cell(value));
      added = true;
    }
    for (const [key, cell] of this.#cells) {
      const value = values.get(key) ?? this.empty;
      if (!this.same(cell.value, value)) cell.value = value;
    }
    if (added) this.#newKeys++;
  }
}
