import { afterNextPaint } from './after-next-paint.ts';

/**
 * Becomes true just after the first frame of the component that creates it has been shown: a frame, then a task.
 * Parts of a view that are below the fold or slow to build (the fishbone's drawing, the note wall) wait for it, so
 * the click that opened the view answers within that first frame.
 */
export class AfterFirstPaint {
  ready = $state(false);

  constructor() {
    $effect(() => afterNextPaint(() => (this.ready = true)));
  }
}
