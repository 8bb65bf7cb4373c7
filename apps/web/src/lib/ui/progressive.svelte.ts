/**
 * Renders a long list in steps: the first `first` items at once, then, after that first frame has been shown,
 * `step` more per task until all are there. Opening a tab with 200 events or 300 notes then answers within a frame
 * instead of building every item before the first paint.
 *
 * Once the whole list has been shown, small additions (a new event, a new note: at most `step` items) appear at
 * once, so whoever added one can focus it straight away. A batch arriving later (the reveal of 300 notes on a wall
 * that was open and empty) grows over frames again instead of being built in one long task.
 */
export class ProgressiveCount {
  #shown = $state(0);
  #caughtUp = false;

  constructor(
    private readonly total: () => number,
    private readonly first = 10,
    private readonly step = 30,
  ) {
    this.#shown = first;
    $effect(() => {
      const total = this.total();
      // A list that shrank starts from its new length, so a batch that comes after it is stepped again.
      if (total < this.#shown) this.#shown = Math.max(this.first, total);
      if (this.#caughtUp && total <= this.#shown + this.step) {
        // Shown at once by `count`; keep the count in step so a later batch starts from here.
        if (total > this.#shown) this.#shown = total;
        return;
      }
      if (this.#shown >= total) {
        this.#caughtUp = true;
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
    const total = this.total();
    return this.#caughtUp && total <= this.#shown + this.step ? total : this.#shown;
  }
}
