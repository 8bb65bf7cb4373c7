import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** When this instance stops taking new connections. */
export interface LoadLimits {
  /** Open WebSockets it takes at most (MAX_CONNECTIONS). */
  maxConnections: number;
  /**
   * The median event-loop delay, in ms, over a window, past which it is overloaded (BUSY_DELAY_MS): every task then
   * waits that long, so a new connection would slow everyone already here.
   */
  busyDelayMs: number;
  /** How long one window lasts. */
  windowMs: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxConnections: 20_000, busyDelayMs: 100, windowMs: 1_000 };

/** What /api/health reports, so a load balancer can route away from a busy instance. */
export interface LoadReport {
  status: 'ok' | 'busy';
  /** Median and 99th-percentile event-loop delay over the last window, in ms. */
  eventLoopDelayMs: { p50: number; p99: number };
  connections: number;
  maxConnections: number;
}

/** The delays seen in a window, in ms; `monitorEventLoopDelay` in production, a fake in tests. */
export interface DelaySource {
  /** The p-th percentile of the window so far, then (on `reset`) a new window. */
  percentile(p: number): number;
  reset(): void;
  stop(): void;
}

function eventLoopDelay(): DelaySource {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    percentile: (p) => (histogram.count > 0 ? histogram.percentile(p) / 1e6 : 0),
    reset: () => histogram.reset(),
    stop: () => histogram.disable(),
  };
}

/**
 * Watches how loaded this instance is. Overloaded means over its connection limit, or its median event-loop delay
 * above `busyDelayMs` for two windows running (one long task, such as loading the blame model, is not overload);
 * it is well again after a window below half that, so it does not flap at the edge. While overloaded, new
 * connections are refused (collab/websocket.ts) and the health check answers 503; connections already open carry on.
 */
export class LoadMonitor {
  connections = 0;
  readonly #limits: LoadLimits;
  readonly #delays: DelaySource;
  readonly #timer: NodeJS.Timeout;
  #slowWindows = 0;
  #busy = false;
  #last = { p50: 0, p99: 0 };

  constructor(limits: Partial<LoadLimits> = {}, delays: DelaySource = eventLoopDelay()) {
    this.#limits = { ...DEFAULT_LOAD_LIMITS, ...limits };
    this.#delays = delays;
    this.#timer = setInterval(() => this.sample(), this.#limits.windowMs).unref();
  }

  /** Closes a window: called by the timer, and by tests. */
  sample(): void {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    this.#last = { p50: round(this.#delays.percentile(50)), p99: round(this.#delays.percentile(99)) };
    this.#delays.reset();
    if (this.#last.p50 >= this.#limits.busyDelayMs) this.#slowWindows++;
    else this.#slowWindows = 0;
    if (this.#slowWindows >= 2) this.#busy = true;
    else if (this.#last.p50 < this.#limits.busyDelayMs / 2) this.#busy = false;
  }

  /** Whether one more connection may be taken now. */
  admits(): boolean {
    return !this.#busy && this.connections < this.#limits.maxConnections;
  }

  report(): LoadReport {
    return {
      status: this.admits() ? 'ok' : 'busy',
      eventLoopDelayMs: this.#last,
      connections: this.connections,
      maxConnections: this.#limits.maxConnections,
    };
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#delays.stop();
  }
}
