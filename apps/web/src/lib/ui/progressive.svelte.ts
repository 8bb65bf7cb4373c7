import { flushSync } from 'svelte';
import { afterNextPaint } from './after-next-paint.ts';

/** How long one step may keep the page busy. */
const STEP_BUDGET_MS = 6;
/** Batch sizes: the first is small, since the step most likely to meet a keystroke is the one right after opening. */
const FIRST_BATCH = 5;
const MAX_BATCH = 100;

/**
 * Renders a long list in steps: the first `first` items at once, then, after that first frame has been shown, a
 * batch more per task until all are there. Opening a tab with 200 events or 300 notes then answers within a frame
 * instead of building every item before the first paint.
 *
 * Each batch is sized from how long the last one took to build (Svelte's work; style and layout come in the
 * frame after), to keep a step within a few milliseconds: a key pressed while the list is still growing then
 * waits for one short step, on a slow laptop as on a fast one.
 *
 * Once the whole list has been shown, small additions (a new event, a new note: at most `step` items) appear at
 * once, so whoever added one can focus it straight away. A batch arriving later (the reveal of 300 notes on a wall
 * that was open and empty) grows over frames again instead of being built in one long task.
 */
export class ProgressiveCount {
  #shown = $state(0);
  #caughtUp = false;
  #batch = FIRST_BATCH;

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
      if (this.#caughtUp) {
        // A new batch after the list was complete starts small again, like the list's first.
        this.#caughtUp = false;
        this.#batch = FIRST_BATCH;
      }
      if (this.#shown >= total) {
        this.#caughtUp = true;
        return;
      }
      return afterNextPaint(() => this.#grow());
    });
  }

  /** Renders the next batch now, and sizes the one after it to take about the budget (at most 4× this one). */
  #grow(): void {
    const started = performance.now();
    this.#shown += this.#batch;
    flushSync();
    const took = Math.max(performance.now() - started, 0.5);
    this.#batch = Math.max(1, Math.min(MAX_BATCH, 4 * this.#batch, Math.floor((this.#batch * STEP_BUDGET_MS) / took)));
  }

  /** How many items to render now. */
  get count(): number {
    const total = this.total();
    return this.#caughtUp && total <= this.#shown + this.step ? total : this.#shown;
  }
}
