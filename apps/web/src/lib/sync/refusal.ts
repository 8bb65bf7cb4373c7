import type { ConnectionRefusal } from '@debrief/protocol';

const NOT_FOUND: ConnectionRefusal = 'not_found';

/**
 * Whether the server refused the connection because the post-mortem no longer exists. The board opened with this
 * id, so it existed: not found now means the facilitator deleted it. (A storage outage refuses differently.)
 */
export function meansDeleted(reason: string): boolean {
  return reason === NOT_FOUND;
}

/** What the board tells someone whose connection the server refused, from the reason it gave. */
export function refusalMessage(reason: string): string {
  if (meansDeleted(reason)) return 'This post-mortem has been deleted by its facilitator.';
  return 'This link is no longer valid for this post-mortem. Ask the facilitator for a fresh link.';
}
