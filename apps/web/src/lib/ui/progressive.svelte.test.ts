// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressiveCount } from './progressive.svelte.ts';

describe('progressive rendering of a long list', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  });
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** A list whose length the test sets, and the count rendered after each frame. */
  function list(initial: number) {
    let total = $state(initial);
    let progressive!: ProgressiveCount;
    const stop = $effect.root(() => {
      progressive = new ProgressiveCount(() => total, 10, 30);
    });
    flushSync();
    stops.push(stop);
    const frame = () => {
      vi.advanceTimersByTime(20);
      flushSync();
      return Math.min(total, progressive.count);
    };
    return { set: (n: number) => ((total = n), flushSync()), shown: () => Math.min(total, progressive.count), frame };
  }

  it('shows a first screen at once and the rest over the next frames, a small batch first', () => {
    const board = list(100);
    expect(board.shown()).toBe(10);
    expect(board.frame()).toBe(15);
    let frames = 1;
    for (let before = board.shown(); board.shown() < 100 && frames < 10; frames++) {
      expect(board.frame()).toBeGreaterThan(before);
      before = board.shown();
    }
    // Quick steps grow the batch (at most fourfold each time), so a fast machine is done in a few frames.
    expect(board.shown()).toBe(100);
    expect(frames).toBeLessThanOrEqual(4);
  });

  it('takes smaller batches when a step takes longer than its budget, so a key pressed meanwhile waits less', () => {
    let now = 0;
    // Every batch measures 30 ms, five times the budget: the next one is a fifth of its size, and never empty.
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 30));
    const board = list(200);
    const steps: number[] = [];
    for (let before = board.shown(); steps.length < 4; before = board.shown()) steps.push(board.frame() - before);
    expect(steps).toEqual([5, 1, 1, 1]);
  });

  it('shows a small addition to a complete list at once, so it can be focused', () => {
    const board = list(12);
    board.frame();
    expect(board.shown()).toBe(12);
    board.set(13);
    expect(board.shown()).toBe(13);
    board.set(20);
    expect(board.shown()).toBe(20);
  });

  it('grows a batch that arrives on an empty list over frames again (a reveal onto an open wall)', () => {
    const board = list(0);
    expect(board.shown()).toBe(0);
    board.set(300);
    expect(board.shown()).toBeLessThanOrEqual(40);
    let frames = 0;
    while (board.shown() < 300 && frames < 20) {
      board.frame();
      frames++;
    }
    expect(board.shown()).toBe(300);
    // Batches of 5, 20, 80, 100, 100 when each step is quick.
    expect(frames).toBeGreaterThanOrEqual(4);
    board.set(301);
    expect(board.shown()).toBe(301);
  });

  it('steps again through a batch after the list was emptied, and through one bigger than a step', () => {
    const board = list(50);
    while (board.shown() < 50) board.frame();
    board.set(0);
    board.set(300);
    expect(board.shown()).toBeLessThanOrEqual(40);
    while (board.shown() < 300) board.frame();
    board.set(400);
    expect(board.shown()).toBeLessThan(400);
    // Starts small again, though the last batches of the first 300 had grown to 100.
    expect(board.frame()).toBe(305);
    board.frame();
    board.frame();
    board.frame();
    expect(board.shown()).toBe(400);
  });
});
