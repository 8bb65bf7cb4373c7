import type { AccessRefusal } from '@debrief/protocol';
import { ApiRequestError } from '../api/client.ts';

const DELETED: AccessRefusal = 'deleted';

/** What a board, or a link opened later, says about a post-mortem its facilitator deleted. */
export const DELETED_MESSAGE = 'This post-mortem was deleted by its facilitator.';

/**
 * Whether the server refused the connection because the facilitator deleted the post-mortem. Only then does this
 * browser delete its copy: "not found" may be a server started on the wrong database, and a storage outage
 * refuses without a reason, and the copy may hold the only record of edits not yet saved.
 */
export function meansDeleted(reason: string): boolean {
  return reason === DELETED;
}

/** The same for an API answer: a 410 with the API's own `deleted` code (not any 410 a proxy might send). */
export function answerMeansDeleted(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 410 && meansDeleted(error.code);
}

/** What the board tells someone whose connection the server refused, from the reason it gave. */
export function refusalMessage(reason: string): string {
  if (meansDeleted(reason)) return DELETED_MESSAGE;
  return 'This link is no longer valid for this post-mortem. Ask the facilitator for a fresh link.';
}
