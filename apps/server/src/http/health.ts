import type { FastifyPluginAsync } from 'fastify';

/** `GET /api/health`: answers while the process can serve requests. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health', async () => ({ status: 'ok' }));
};
