import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What is limited per client address, and how much of it a minute allows. */
export const RATE_LIMITS = {
  // Sized for a whole office behind one address (NAT): 100 people in one session never come near these.
  createPostmortem: { perMinute: 30 },
  submitNote: { perMinute: 600 },
  vote: { perMinute: 1_200 },
  openConnection: { perMinute: 600 },
} as const;

export type LimitedAction = keyof typeof RATE_LIMITS;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(action: LimitedAction, address: string): Promise<RateDecision>;
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
  for (const [action, { perMinute }] of Object.entries(RATE_LIMITS) as [LimitedAction, { perMinute: number }][]) {
    const settings = { keyPrefix: `debrief-rl-${action}`, points: Math.max(1, Math.round(perMinute * scale)), duration: 60 };
    limiters.set(action, options.redis ? new RateLimiterRedis({ ...settings, storeClient: options.redis, useRedisPackage: false }) : new RateLimiterMemory(settings));
  }
  return {
    async take(action, address) {
      try {
        await limiters.get(action)!.consume(address);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        return { allowed: true };
      }
    },
  };
}
