import type { FastifyPluginAsync } from 'fastify';
import { timelineImportRequest } from '@debrief/protocol';
import { IMPORT_LIMITS, ImportError } from '@debrief/timeline-import';
import type { RateLimiter } from '../limits/rate-limits.ts';
import type { Storage } from '../storage/storage.ts';
import type { TimelineImportService } from '../timeline/timeline-import.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';
import { rateLimited } from './rate-limit.ts';

/** Room for a file at the import's limit written as a JSON string (quotes and newlines escaped) and the options. */
const BODY_LIMIT = IMPORT_LIMITS.bytes * 2 + 64 * 1024;

/** Importing a timeline from Slack, PagerDuty, Opsgenie, CSV or text: the facilitator's, all or nothing. */
export function timelineImportRoutes(storage: Storage, imports: TimelineImportService, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: { id: string } }>(
      '/api/postmortems/:id/timeline/import',
      {
        bodyLimit: BODY_LIMIT,
        // The key is checked before the body is read: only the facilitator may make the server read 10 MB.
        onRequest: [rateLimited(limiter, 'importTimeline'), async (request) => void (await requireAccess(storage, request, 'facilitator'))],
      },
      async (request) => {
        const body = bodyOf(timelineImportRequest, request);
        try {
          return await imports.run(request.params.id, body);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          const status = error.problem === 'too_large' ? 413 : 400;
          throw new ApiError(status, 'import_refused', `Nothing was imported. ${error.message}`, { details: { problem: error.problem } });
        }
      },
    );
  };
}
