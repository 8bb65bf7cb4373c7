import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { announce } from './presence.ts';
import { CURSOR_IDLE_MS, CursorSender } from './cursor-sender.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const awareness = new Awareness(new Y.Doc());
  announce(awareness, { name: 'Alice', color: '#aa3355', role: 'participant' });
  const sent: unknown[] = [];
  awareness.on('change', () => sent.push(awareness.getLocalState()?.cursor ?? null));
  return { awareness, sent, sender: new CursorSender(awareness, () => Date.now()) };
}

it('sends at most 20 cursor updates a second, always ending where the pointer stopped', () => {
  const { sent, sender, awareness } = setup();
  // 200 pointer moves over one second (a move every 5 ms).
  for (let i = 0; i < 200; i++) {
    sender.move({ surface: 'canvas', x: i, y: 2 * i });
    vi.advanceTimersByTime(5);
  }
  vi.advanceTimersByTime(100);
  expect(sent.length).toBeLessThanOrEqual(21);
  expect(sent.length).toBeGreaterThanOrEqual(15);
  expect(awareness.getLocalState()?.cursor).toEqual({ surface: 'canvas', x: 199, y: 398 });
});

it('hides the cursor after 5 s without movement, and when the pointer leaves', () => {
  const { sender, awareness } = setup();
  sender.move({ surface: 'fishbone', x: 1, y: 1 });
  vi.advanceTimersByTime(CURSOR_IDLE_MS - 100);
  expect(awareness.getLocalState()?.cursor).not.toBeNull();
  vi.advanceTimersByTime(200);
  expect(awareness.getLocalState()?.cursor).toBeNull();
  sender.move({ surface: 'canvas', x: 3, y: 3 });
  sender.leave();
  vi.advanceTimersByTime(1_000);
  expect(awareness.getLocalState()?.cursor).toBeNull();
});
