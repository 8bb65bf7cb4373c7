import { z } from 'zod';
import { ACTION_STATUSES, isHttpUrl, LIMITS, type CorrectiveAction } from '@debrief/model';

/** One corrective action as listed on the Actions page (across all post-mortems): the action, where it is from. */
export interface ActionListItem extends Omit<CorrectiveAction, 'findingIds' | 'order'> {
  postmortemId: string;
  postmortemTitle: string;
  /** The statements of the findings it belongs to. */
  findings: string[];
  committed: boolean;
  overdue: boolean;
  /** Whether its post-mortem has a published report (at /r/<postmortemId>). */
  published: boolean;
}

/**
 * Answer of `GET /api/actions`: one page of the list, most urgent first (`?limit=`, 200 by default, at most 1,000).
 * `next` is the `cursor` that asks for the page after this one, null on the last.
 */
export interface ActionList {
  today: string;
  items: ActionListItem[];
  next: string | null;
}

/**
 * Query of `GET /api/actions.csv` and `.ics`: the Actions page's filters, so a download holds what the page shows.
 * Each is optional; `overdue=1` keeps only overdue actions.
 */
export const actionFilters = z.strictObject({
  status: z.enum(ACTION_STATUSES, { error: `status must be one of ${ACTION_STATUSES.join(', ')}` }).optional(),
  owner: z.string().max(LIMITS.actionOwner, `owner is limited to ${LIMITS.actionOwner} characters`).optional(),
  overdue: z.literal('1', { error: 'overdue must be 1 when given' }).optional(),
});
export type ActionFilters = z.infer<typeof actionFilters>;

/** Whether an action passes the filters. */
export function matchesActionFilters(action: Pick<ActionListItem, 'status' | 'owner' | 'overdue'>, filters: ActionFilters): boolean {
  return (
    (filters.status === undefined || action.status === filters.status) &&
    (filters.owner === undefined || action.owner === filters.owner) &&
    (filters.overdue === undefined || action.overdue)
  );
}

/**
 * Body of `PATCH /api/postmortems/:id/actions/:actionId`: follow-up after the session, with the facilitator key or
 * the action's owner key. Each field is optional, at least one is given; `trackerUrl` is an http(s) link or '' to
 * remove it; a progress note is dated by the server.
 */
export const updateActionStatusRequest = z
  .strictObject({
    status: z.enum(ACTION_STATUSES, { error: `status must be one of ${ACTION_STATUSES.join(', ')}` }).optional(),
    statusReason: z.string().trim().max(LIMITS.statusReason, `statusReason is limited to ${LIMITS.statusReason} characters`).optional(),
    progressNote: z.string().trim().max(LIMITS.progressNote, `progressNote is limited to ${LIMITS.progressNote} characters`).optional(),
    trackerUrl: z
      .string()
      .trim()
      .max(LIMITS.evidenceUrl, `trackerUrl is limited to ${LIMITS.evidenceUrl} characters`)
      .refine((url) => url === '' || isHttpUrl(url), 'trackerUrl must be an http(s) link, or empty to remove it')
      .optional(),
  })
  .refine(
    (update) => Object.values(update).some((value) => value !== undefined),
    'Send at least one of status, statusReason, progressNote, trackerUrl.',
  );
export type UpdateActionStatusRequest = z.infer<typeof updateActionStatusRequest>;

/**
 * Answer of `POST /api/postmortems/:id/actions/:actionId/owner-link` (facilitator key): the key of a new owner link
 * (see `ownerLink`). The server keeps only its hash; making a new one stops the previous one.
 */
export interface OwnerLinkResponse {
  actionId: string;
  key: string;
}

/**
 * Answer of `GET /api/postmortems/:id/actions/:actionId` (the action's owner key, or the facilitator key): the one
 * action as its owner sees it.
 */
export type OwnedAction = ActionListItem & { today: string };

/** Answer of `GET /api/learning`: patterns across published post-mortems. */
export interface LearningSummary {
  /** Months (YYYY-MM) with published incidents, oldest first. */
  months: string[];
  /** For each contributing-factor category, how many findings fell in it each month (aligned with `months`). */
  categories: { name: string; counts: number[] }[];
  /**
   * Median minutes to detect, mitigate and resolve per quarter (YYYY-Qn, oldest first), across incidents whose
   * timelines mark them; null where no incident that quarter marks that moment.
   */
  responseTimes: { quarters: string[]; detect: (number | null)[]; mitigate: (number | null)[]; resolve: (number | null)[] };
  /** Incidents that came back: the same service and factor category within 90 days of each other, newest first. */
  recurring: { service: string; category: string; incidents: { id: string; title: string; incidentAt: string }[] }[];
  /** `dueOrDone`: actions done, or whose due date has passed; "on time" is counted among these, never among actions not due yet. */
  actions: { total: number; done: number; doneOnTime: number; dueOrDone: number; overdue: number };
  /** One page of the overdue actions, most overdue first (`?limit=`, 50 by default, at most 200); `actions.overdue` counts them all. */
  overdue: ActionListItem[];
  /** The `cursor` for the next page of `overdue`, null on the last. */
  next: string | null;
}
