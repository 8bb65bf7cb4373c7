/**
 * Renders a long list in steps: the first `first` items at once, then, after that first frame has been shown,
 * `step` more per task until all are there. Opening a tab with 200 events or 300 notes then answers within a frame
 * instead of building every item before the first paint. Once complete it stays complete, so items added later
 * appear at once.
 */
export class ProgressiveCount {
  #shown = $state(0);
  #complete = false;

  constructor(
    private readonly total: () => number,
    private readonly first = 10,
    private readonly step = 30,
  ) {
    this.#shown = first;
    $effect(() => {
      const total = this.total();
      if (this.#complete || this.#shown >= total) {
        this.#complete = true;
        return;
      }
      // A frame, then a task: the growth lands after a paint, not in the same frame as what came before.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(() => (this.#shown += this.step), 0)));
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }

  /** How many items to render now. */
  get count(): number {
    return this.#complete ? Number.POSITIVE_INFINITY : this.#shown;
  }
}
