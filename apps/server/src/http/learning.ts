import type { FastifyPluginAsync } from 'fastify';
import type { LearningSummary } from '@debrief/protocol';
import type { LearningService } from '../learning/learning-service.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { ACTION_ORDER } from './actions.ts';
import { page, pageRequest, sortBy, type PageQuery } from './pagination.ts';
import { rateLimited } from './rate-limit.ts';

/** A page of the overdue actions in `GET /api/learning`. */
const OVERDUE_PAGE = { default: 50, max: 200 };

/**
 * `GET /api/learning`: patterns across published post-mortems. It takes no keys (not even `X-Debrief-Keys`): with
 * or without them it covers published material only, since "what we have published and learned" is its point.
 * The overdue actions come a page at a time (`?limit=&cursor=`); the counts cover them all.
 */
export function learningRoutes(learning: LearningService, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: PageQuery }>('/api/learning', { onRequest: rateLimited(limiter, 'readAcrossPostmortems') }, async (request) => {
      const wanted = pageRequest(request.query, OVERDUE_PAGE);
      const summary = await learning.summary();
      const { items, next } = page(sortBy(summary.overdue, ACTION_ORDER), ACTION_ORDER, wanted);
      const body: LearningSummary = { ...summary, overdue: items, next };
      return body;
    });
  };
}
