import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from './errors.ts';

/**
 * Serves the built Svelte app. Client-side pages (`/pm/<id>`, `/o/<id>/<actionId>` and unknown paths) get index.html so the app can
 * show the right page; API paths that match nothing get a JSON 404.
 */
export function webAppRoutes(distDir: string): FastifyPluginAsync {
  return async (app) => {
    const built = existsSync(join(distDir, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root: distDir,
        // Looked up per request (not globbed at start), so a rebuild while the server runs is served at once.
        wildcard: true,
        setHeaders(res, path) {
          // Vite fingerprints everything under assets/, so those never change; index.html always might.
          res.header('cache-control', path.includes(`${join(distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }

    const sendApp = (status: number) => async (_request: unknown, reply: import('fastify').FastifyReply) => {
      if (!built) return reply.code(503).type('text/plain').send('The web app is not built yet: run `pnpm build`.');
      return reply.code(status).header('cache-control', 'no-cache').sendFile('index.html');
    };
    // When built, the static plugin already serves `/` as index.html.
    if (!built) app.get('/', sendApp(200));
    app.get('/pm/:id', sendApp(200));
    app.get('/actions', sendApp(200));
    app.get('/library', sendApp(200));
    app.get('/learning', sendApp(200));
    app.get('/r/:id', sendApp(200));
    app.get('/o/:id/:actionId', sendApp(200));

    app.setNotFoundHandler(async (request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return sendError(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`);
      }
      return sendApp(404)(request, reply);
    });
  };
}
