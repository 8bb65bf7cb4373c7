import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What is limited, and how many of it a window of `seconds` allows (per client address unless said otherwise). */
export const RATE_LIMITS = {
  // Sized for a whole office behind one address (NAT): 100 people in one session never come near these.
  createPostmortem: { points: 30, seconds: 60 },
  submitNote: { points: 600, seconds: 60 },
  vote: { points: 1_200, seconds: 60 },
  openConnection: { points: 600, seconds: 60 },
  // Bursts of notes. 100 people behind one address writing at a human pace (half a minute to two minutes a note,
  // everyone starting together) send at most about 33 in any 10 s; one script posting hundreds a second meets this
  // at once, so it can neither flood a board nor fill its note cap in a few minutes.
  noteBurst: { points: 60, seconds: 10 },
  /** Counted per post-mortem, whatever the address: a flood from many addresses at once. */
  noteBurstPerPostmortem: { points: 120, seconds: 10 },
  // Answers across post-mortems (actions and their CSV and iCalendar files, Learning, the library) read an index
  // that grows with every post-mortem: a person opens these pages a few times a minute, an office a few dozen.
  readAcrossPostmortems: { points: 120, seconds: 60 },
  // Reading a file of up to 5 MB takes a core for a moment: a facilitator imports a few files, then corrects one.
  importTimeline: { points: 20, seconds: 60 },
} as const;

export type LimitedAction = keyof typeof RATE_LIMITS;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends one unit of `action` for `key` (a client address, or a post-mortem id for per-post-mortem limits). */
  take(action: LimitedAction, key: string): Promise<RateDecision>;
}

export interface RateLimitOptions {
  /** Multiplies every limit: 0 turns them off (load tests), 2 doubles them. */
  scale?: number;
  /** Shared counters across instances; in memory otherwise. */
  redis?: IORedis;
}

/**
 * Per-address limits (rate-limiter-flexible: in memory for one instance, in Redis when instances share it). A
 * failure of the counter store lets the request through: limits protect the service, they must not take it down.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const scale = options.scale ?? 1;
  if (scale === 0) return { take: async () => ({ allowed: true }) };
  const limiters = new Map<LimitedAction, RateLimiterAbstract>();
  for (const [action, { points, seconds }] of Object.entries(RATE_LIMITS) as [LimitedAction, { points: number; seconds: number }][]) {
    const settings = { keyPrefix: `debrief-rl-${action}`, points: Math.max(1, Math.round(points * scale)), duration: seconds };
    limiters.set(
      action,
      options.redis ? new RateLimiterRedis({ ...settings, storeClient: options.redis, useRedisPackage: false }) : new RateLimiterMemory(settings),
    );
  }
  return {
    async take(action, key) {
      try {
        await limiters.get(action)!.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        return { allowed: true };
      }
    },
  };
}
