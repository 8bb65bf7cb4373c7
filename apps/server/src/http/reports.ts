import type { FastifyPluginAsync } from 'fastify';
import { SEVERITIES } from '@debrief/model';
import {
  isPostmortemId,
  publicReport,
  publishRequest,
  type LibraryItem,
  type LibraryPage,
  type LibraryQuery,
  type PublishResponse,
  type Report,
} from '@debrief/protocol';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { authorize } from '../postmortems/authorize.ts';
import { BlameUnresolvedError } from '../reports/blame-gate.ts';
import { reportMarkdown } from '../reports/markdown.ts';
import type { ReportsService } from '../reports/reports-service.ts';
import { ReportQuotaError, type Storage } from '../storage/storage.ts';
import { bearerKey, requireAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';
import { page, pageRequest, sortBy, type Order, type PageQuery } from './pagination.ts';
import { rateLimited } from './rate-limit.ts';

type ReportRequest = { Params: { id: string }; Querystring: { version?: string } };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The library, newest first. */
const LIBRARY_ORDER: Order<LibraryItem> = { key: (item) => [item.publishedAt, item.id], descending: [true] };
const LIBRARY_PAGE = { default: 50, max: 200 };

const MB = 1024 * 1024;

/** Publishing, reading published reports (no key needed), the library, and deleting a post-mortem. */
export function reportRoutes(storage: Storage, reports: ReportsService, limiter: RateLimiter, publicUrl?: string): FastifyPluginAsync {
  return async (app) => {
    const findReport = async (id: string, version?: string) => {
      if (!isPostmortemId(id)) throw new ApiError(404, 'not_found', 'No published report has this address.');
      if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) throw new ApiError(400, 'bad_request', 'version must be a positive whole number');
      const report = await storage.getReport(id, version === undefined ? undefined : Number(version));
      if (!report)
        throw new ApiError(
          404,
          'not_found',
          version ? `There is no version ${version} of this report.` : 'This post-mortem has not been published yet.',
        );
      return report;
    };

    /** The facilitator (by key) also gets the report's metadata: which flagged statements were kept, and why. */
    const asRequested = async (report: Report, key: string | null) => {
      const access = key ? await authorize(storage, report.id, key) : null;
      return access?.ok && access.role === 'facilitator' ? report : publicReport(report);
    };

    app.post<{ Params: { id: string } }>('/api/postmortems/:id/publish', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const { replaceNames, keep } = bodyOf(publishRequest, request);
      const report = await reports.publish(request.params.id, { names: replaceNames, keep }).catch((error: unknown) => {
        if (error instanceof ReportQuotaError) {
          throw new ApiError(
            409,
            'limit_reached',
            `This post-mortem's published versions take all the room they may (${Math.round(error.limitBytes / MB)} MB together), so it cannot be published again.`,
          );
        }
        if (!(error instanceof BlameUnresolvedError)) throw error;
        const count = error.statements.length;
        throw new ApiError(
          409,
          'blame_unresolved',
          `${count} ${count === 1 ? 'statement reads' : 'statements read'} as blame. Reword ${count === 1 ? 'it' : 'each'}, hide it (notes), or keep it with a reason, then publish again.`,
          { details: { statements: error.statements } },
        );
      });
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      const body: PublishResponse = { version: report.version, reportUrl: `${origin}/r/${report.id}` };
      return body;
    });

    app.get<ReportRequest>('/api/postmortems/:id/report', async (request) =>
      asRequested(await findReport(request.params.id, request.query.version), bearerKey(request)),
    );

    app.get<ReportRequest>('/api/postmortems/:id/report.md', async (request, reply) => {
      const report = await findReport(request.params.id, request.query.version);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="postmortem-${report.id}-v${report.version}.md"`)
        .send(reportMarkdown(report));
    });

    app.delete<{ Params: { id: string } }>('/api/postmortems/:id', async (request, reply) => {
      await requireAccess(storage, request, 'facilitator');
      await reports.delete(request.params.id);
      return reply.code(204).send();
    });

    app.get<{ Params: { id: string } }>(
      '/api/postmortems/:id/similar',
      { onRequest: rateLimited(limiter, 'readAcrossPostmortems') },
      async (request) => {
        await requireAccess(storage, request);
        return { items: await reports.similar(request.params.id) };
      },
    );

    app.get<{ Querystring: PageQuery & LibraryQuery }>(
      '/api/reports',
      { onRequest: rateLimited(limiter, 'readAcrossPostmortems') },
      async (request) => {
        const { q, from, to, category, service, team, severity } = request.query;
        if (severity && !(SEVERITIES as readonly string[]).includes(severity)) {
          throw new ApiError(400, 'bad_request', `severity must be one of ${SEVERITIES.join(', ')}`);
        }
        for (const [name, value] of [
          ['from', from],
          ['to', to],
        ] as const) {
          if (value !== undefined && value !== '' && !DAY.test(value))
            throw new ApiError(400, 'bad_request', `${name} must be a date like 2026-11-01`);
        }
        const wanted = pageRequest(request.query, LIBRARY_PAGE);
        const items = await reports.library({
          q: q?.slice(0, 200),
          from: from || undefined,
          to: to || undefined,
          category: category || undefined,
          service: service?.slice(0, 64) || undefined,
          team: team?.slice(0, 64) || undefined,
          severity: severity || undefined,
        });
        const body: LibraryPage = page(sortBy(items, LIBRARY_ORDER), LIBRARY_ORDER, wanted);
        return body;
      },
    );
  };
}
