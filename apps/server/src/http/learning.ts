import type { FastifyPluginAsync } from 'fastify';
import type { LearningService } from '../learning/learning-service.ts';

/**
 * `GET /api/learning`: patterns across published post-mortems. It takes no keys (not even `X-Debrief-Keys`): with
 * or without them it covers published material only, since "what we have published and learned" is its point.
 */
export function learningRoutes(learning: LearningService): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/learning', () => learning.summary());
  };
}
