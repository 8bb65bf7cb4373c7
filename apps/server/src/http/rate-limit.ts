import type { onRequestAsyncHookHandler } from 'fastify';
import type { LimitedAction, RateLimiter } from '../limits/rate-limits.ts';
import { ApiError } from './errors.ts';

/** Spends one unit of `action` for `key`; a 429 with Retry-After and the given explanation when none is left. */
export async function spend(limiter: RateLimiter, action: LimitedAction, key: string, explain: (seconds: number) => string): Promise<void> {
  const decision = await limiter.take(action, key);
  if (decision.allowed) return;
  throw new ApiError(429, 'rate_limited', explain(decision.retryAfterSeconds), { retryAfterSeconds: decision.retryAfterSeconds });
}

const fromYourAddress = (seconds: number) => `Too many requests from your address. Try again in ${seconds} s.`;

/**
 * A route hook that spends one unit of `action` for the client's address (`request.ip`: the socket's peer, or
 * what trusted proxies say when TRUST_PROXY names them) and answers 429 with Retry-After when none is left.
 */
export function rateLimited(limiter: RateLimiter, action: LimitedAction): onRequestAsyncHookHandler {
  return (request) => spend(limiter, action, request.ip, fromYourAddress);
}
