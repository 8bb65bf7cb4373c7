import type { FastifyPluginAsync } from 'fastify';
import type { LoadMonitor } from '../load/load-monitor.ts';

/**
 * `GET /api/health`: `200 {"status": "ok", "load": …}` while this instance takes new connections, `503` with
 * `"status": "busy"` while it is at capacity (load/load-monitor.ts), so a load balancer can send newcomers elsewhere.
 */
export function healthRoutes(load: LoadMonitor): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/health', async (_request, reply) => {
      const report = load.report();
      return reply.code(report.status === 'ok' ? 200 : 503).send({ status: report.status, load: report });
    });
  };
}
