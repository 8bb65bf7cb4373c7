import type { ConnectionRefusal } from '@debrief/protocol';

const DELETED: ConnectionRefusal = 'deleted';

/**
 * Whether the server refused the connection because the facilitator deleted the post-mortem. Only then does this
 * browser delete its copy: "not found" may be a server started on the wrong database, and a storage outage
 * refuses without a reason, and the copy may hold the only record of edits not yet saved.
 */
export function meansDeleted(reason: string): boolean {
  return reason === DELETED;
}

/** What the board tells someone whose connection the server refused, from the reason it gave. */
export function refusalMessage(reason: string): string {
  if (meansDeleted(reason)) return 'This post-mortem has been deleted by its facilitator.';
  return 'This link is no longer valid for this post-mortem. Ask the facilitator for a fresh link.';
}
