/**
 * Renders a long list in steps: the first `first` items at once, then `step` more each animation frame until all
 * are there. Opening a tab with 200 events or 300 notes then answers within a frame instead of building every
 * item before the first paint. Once complete it stays complete, so items added later appear at once.
 */
export class ProgressiveCount {
  #shown = $state(0);
  #complete = false;

  constructor(
    private readonly total: () => number,
    private readonly first = 30,
    private readonly step = 30,
  ) {
    this.#shown = first;
    $effect(() => {
      const total = this.total();
      if (this.#complete || this.#shown >= total) {
        this.#complete = true;
        return;
      }
      const frame = requestAnimationFrame(() => (this.#shown += this.step));
      return () => cancelAnimationFrame(frame);
    });
  }

  /** How many items to render now. */
  get count(): number {
    return this.#complete ? Number.POSITIVE_INFINITY : this.#shown;
  }
}
