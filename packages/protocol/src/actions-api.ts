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

/** Answer of `GET /api/actions`. */
export interface ActionList {
  today: string;
  items: ActionListItem[];
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
  overdue: ActionListItem[];
}
