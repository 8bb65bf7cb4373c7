import { afterEach, expect, it } from 'vitest';
import { LoadMonitor, type DelaySource } from './load-monitor.ts';

/** Delays a test sets window by window. */
function fakeDelays() {
  const window = { p50: 0, p99: 0 };
  const source: DelaySource = { percentile: (p) => (p === 50 ? window.p50 : window.p99), reset: () => undefined, stop: () => undefined };
  return { window, source };
}

const monitors: LoadMonitor[] = [];
afterEach(() => monitors.splice(0).forEach((m) => m.stop()));

it('is busy after two slow windows running, not after one long task, and well again below half the limit', () => {
  const { window, source } = fakeDelays();
  const monitor = new LoadMonitor({ busyDelayMs: 100, maxConnections: 10, windowMs: 60_000 }, source);
  monitors.push(monitor);
  Object.assign(window, { p50: 2, p99: 1_800 });
  monitor.sample();
  expect(monitor.admits()).toBe(true);
  Object.assign(window, { p50: 150, p99: 400 });
  monitor.sample();
  expect(monitor.admits()).toBe(true);
  monitor.sample();
  expect(monitor.admits()).toBe(false);
  expect(monitor.report()).toEqual({ status: 'busy', eventLoopDelayMs: { p50: 150, p99: 400 }, connections: 0, maxConnections: 10 });
  Object.assign(window, { p50: 70, p99: 120 });
  monitor.sample();
  expect(monitor.admits()).toBe(false);
  Object.assign(window, { p50: 30, p99: 60 });
  monitor.sample();
  expect(monitor.report().status).toBe('ok');
});

it('refuses connections beyond its limit whatever the delay', () => {
  const monitor = new LoadMonitor({ maxConnections: 2, windowMs: 60_000 }, fakeDelays().source);
  monitors.push(monitor);
  monitor.connections = 2;
  expect(monitor.admits()).toBe(false);
  monitor.connections = 1;
  expect(monitor.admits()).toBe(true);
});

it('measures the real event loop: a blocked loop shows in the next window', async () => {
  const monitor = new LoadMonitor({ windowMs: 60_000 });
  monitors.push(monitor);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const until = Date.now() + 120;
  while (Date.now() < until);
  await new Promise((resolve) => setTimeout(resolve, 30));
  monitor.sample();
  expect(monitor.report().eventLoopDelayMs.p99).toBeGreaterThan(80);
});
