import { z } from 'zod';
import { ACTION_STATUSES, type CorrectiveAction } from '@debrief/model';

/** One corrective action as listed on the Actions page (across all post-mortems): the action, where it is from. */
export interface ActionListItem extends Omit<CorrectiveAction, 'findingIds' | 'order'> {
  postmortemId: string;
  postmortemTitle: string;
  /** The statements of the findings it belongs to. */
  findings: string[];
  committed: boolean;
  overdue: boolean;
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

/** Body of `PATCH /api/postmortems/:id/actions/:actionId` (facilitator key): follow-up after the session. */
export const updateActionStatusRequest = z.strictObject({
  status: z.enum(ACTION_STATUSES, { error: `status must be one of ${ACTION_STATUSES.join(', ')}` }),
  statusReason: z.string().trim().max(300, 'statusReason is limited to 300 characters').optional(),
});

/** Answer of `GET /api/learning`: patterns across published post-mortems. */
export interface LearningSummary {
  /** Months (YYYY-MM) with published incidents, oldest first. */
  months: string[];
  /** For each contributing-factor category, how many findings fell in it each month (aligned with `months`). */
  categories: { name: string; counts: number[] }[];
  actions: { total: number; done: number; doneOnTime: number; overdue: number };
  /** One page of the overdue actions, most overdue first (`?limit=`, 50 by default, at most 200); `actions.overdue` counts them all. */
  overdue: ActionListItem[];
  /** The `cursor` for the next page of `overdue`, null on the last. */
  next: string | null;
}
