import { deleteOfflineCopy } from '../sync/offline-copy.ts';
import { forgetFacilitatorKey } from './facilitator-keys.ts';
import { forgetMyNotes } from './my-notes.ts';
import { forgetParticipantLink } from './saved-links.ts';
import { forgetSummaries } from './summary-cache.ts';
import { forgetBallot } from './votes.svelte.ts';

/**
 * Removes everything this browser keeps of a deleted post-mortem: the offline copy of its documents, the secrets
 * of the notes written here, the ballot, the remembered title and role, the facilitator key and participant link. Deleting is "for
 * everyone and for good", and that includes what sits on each person's device.
 */
export async function forgetPostmortem(postmortemId: string): Promise<void> {
  forgetMyNotes(postmortemId);
  forgetBallot(postmortemId);
  forgetSummaries(postmortemId);
  forgetFacilitatorKey(postmortemId);
  forgetParticipantLink(postmortemId);
  await deleteOfflineCopy(postmortemId);
}
