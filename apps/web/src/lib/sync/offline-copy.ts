import { clearDocument } from 'y-indexeddb';
import { documentName } from '@debrief/protocol';

/** The documents this browser keeps a copy of, to edit offline: the ones a participant or facilitator can write. */
export const KEPT_KINDS = ['board', 'findings'] as const;

/** The IndexedDB database that holds this browser's copy of one document. */
export function offlineCopyName(postmortemId: string, kind: (typeof KEPT_KINDS)[number]): string {
  return `debrief:${documentName(postmortemId, kind)}`;
}

/**
 * Deletes this browser's copy of a post-mortem's documents. Close an open copy first: it would otherwise go on
 * writing each change into a database that is being deleted. Without IndexedDB there is no copy to delete.
 */
export async function deleteOfflineCopy(postmortemId: string): Promise<void> {
  await Promise.allSettled(KEPT_KINDS.map((kind) => clearDocument(offlineCopyName(postmortemId, kind))));
}
