import type { onRequestAsyncHookHandler } from 'fastify';
import type { LimitedAction, RateLimiter } from '../limits/rate-limits.ts';
import { ApiError } from './errors.ts';

/**
 * A route hook that spends one unit of `action` for the client's address (`request.ip`: the socket's peer, or
 * what trusted proxies say when TRUST_PROXY names them) and answers 429 with Retry-After when none is left.
 */
export function rateLimited(limiter: RateLimiter, action: LimitedAction): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const decision = await limiter.take(action, request.ip);
    if (decision.allowed) return;
    reply.header('retry-after', String(decision.retryAfterSeconds));
    throw new ApiError(429, 'rate_limited', `Too many requests from your address. Try again in ${decision.retryAfterSeconds} s.`);
  };
}
