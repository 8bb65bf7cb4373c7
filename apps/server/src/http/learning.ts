import type { FastifyPluginAsync } from 'fastify';
import type { LearningService } from '../learning/learning-service.ts';

/** `GET /api/learning`: patterns across published post-mortems (no key: published material only). */
export function learningRoutes(learning: LearningService): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/learning', () => learning.summary());
  };
}
