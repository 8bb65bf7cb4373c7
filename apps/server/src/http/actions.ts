import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_STATUS_LABELS } from '@debrief/model';
import {
  actionFilters,
  FACILITATOR_KEYS_HEADER,
  matchesActionFilters,
  parseFacilitatorKeys,
  validate,
  type ActionList,
  type ActionListItem,
  type PresentedKey,
} from '@debrief/protocol';
import { todayUtc, type ActionsService } from '../actions/actions-service.ts';
import { toCsv } from '../actions/csv.ts';
import { toIcs } from '../actions/ics.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { ApiError } from './errors.ts';
import { page, pageRequest, sortBy, type Order, type PageQuery } from './pagination.ts';
import { rateLimited } from './rate-limit.ts';

/**
 * Most urgent first: overdue, then by due date (undated last), then by post-mortem; the ids make every key unique,
 * so a page's cursor names one place in the list.
 */
export const ACTION_ORDER: Order<ActionListItem> = {
  key: (a) => [a.overdue ? 0 : 1, a.due || '9999', a.postmortemTitle, a.postmortemId, a.id],
};

/** A page of `GET /api/actions`. */
const ACTIONS_PAGE = { default: 200, max: 1_000 };

/**
 * The keys presented in `X-Debrief-Keys` (none without the header); a malformed header is a 400. Which of them open
 * anything is the ActionsService's business: a wrong or participant key is simply ignored.
 */
function presentedKeys(request: FastifyRequest, reply: FastifyReply): PresentedKey[] {
  // The answer depends on the keys: no shared cache may keep one and give it to a request without them.
  reply.header('cache-control', 'private, no-store').header('vary', FACILITATOR_KEYS_HEADER);
  const parsed = parseFacilitatorKeys(request.headers[FACILITATOR_KEYS_HEADER]);
  if (!parsed.ok) throw new ApiError(400, 'bad_request', parsed.message);
  return parsed.keys;
}

/**
 * The Actions page's data as JSON (a page at a time), CSV and iCalendar (every row: files to keep): the corrective
 * actions of published post-mortems, plus those of each unpublished post-mortem whose facilitator key the request
 * presents (one action's follow-up is in action-follow-up.ts). Reading across post-mortems is limited per client address.
 */
export function actionRoutes(actions: ActionsService, limiter: RateLimiter, publicUrl?: string): FastifyPluginAsync {
  return async (app) => {
    const limited = { onRequest: rateLimited(limiter, 'readAcrossPostmortems') };
    const sorted = async (request: FastifyRequest, reply: FastifyReply, today = todayUtc()) =>
      sortBy(await actions.list({ today, keys: presentedKeys(request, reply) }), ACTION_ORDER);

    app.get<{ Querystring: PageQuery }>('/api/actions', limited, async (request, reply) => {
      const wanted = pageRequest(request.query, ACTIONS_PAGE);
      const today = todayUtc();
      const body: ActionList = { today, ...page(await sorted(request, reply, today), ACTION_ORDER, wanted) };
      return body;
    });

    /** The export's filters from its query (those of the Actions page); a malformed one is a 400. */
    const filtered = async (request: FastifyRequest, reply: FastifyReply) => {
      const filters = validate(actionFilters, request.query ?? {});
      if (!filters.ok) throw new ApiError(400, 'bad_request', filters.message);
      return (await sorted(request, reply)).filter((a) => matchesActionFilters(a, filters.data));
    };

    app.get('/api/actions.csv', limited, async (request, reply) => {
      const items = await filtered(request, reply);
      const csv = toCsv(
        [
          'Post-mortem',
          'Action',
          'Owner',
          'Due',
          'Status',
          'Reason',
          'Priority',
          'Kind',
          'Overdue',
          'Committed',
          'Findings',
          'Tracker',
          'Progress',
          'Progress on',
        ],
        items.map((a) => [
          a.postmortemTitle,
          a.what,
          a.owner,
          a.due,
          ACTION_STATUS_LABELS[a.status],
          a.statusReason,
          a.priority,
          a.kind,
          a.overdue ? 'yes' : 'no',
          a.committed ? 'yes' : 'no',
          a.findings.join(' | '),
          a.trackerUrl,
          a.progressNote,
          a.progressAt,
        ]),
      );
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="debrief-actions.csv"').send(csv);
    });

    app.get('/api/actions.ics', limited, async (request, reply) => {
      const items = (await filtered(request, reply)).filter((a) => a.due !== '' && (a.status === 'open' || a.status === 'in_progress'));
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      const ics = toIcs(
        items.map((a) => {
          // An event leads back to the published report it came from (a draft has none yet), and names the tracker.
          const report = a.published ? `${origin}/r/${a.postmortemId}` : '';
          return {
            uid: `${a.postmortemId}-${a.id}`,
            date: a.due,
            summary: `${a.what || 'Corrective action'} (${a.owner || 'no owner'})`,
            description: [
              `Post-mortem: ${a.postmortemTitle}`,
              `Status: ${ACTION_STATUS_LABELS[a.status]}`,
              `Findings: ${a.findings.join('; ')}`,
              ...(report ? [`Report: ${report}`] : []),
              ...(a.trackerUrl ? [`Tracker: ${a.trackerUrl}`] : []),
            ].join('\n'),
            url: report || a.trackerUrl || undefined,
          };
        }),
        new Date(),
      );
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="debrief-actions.ics"').send(ics);
    });
  };
}
