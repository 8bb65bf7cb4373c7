import { keyStore } from './key-store.ts';

/** Facilitator keys this browser has opened, by post-mortem id: the Actions page offers follow-up on exactly those. */
const facilitators = keyStore('debrief:facilitator-keys');

export const facilitatorKeys = facilitators.all;

/** Remembers a facilitator key for a post-mortem. */
export const rememberFacilitatorKey = facilitators.remember;

/** Forgets the facilitator key of a post-mortem (it was deleted), so follow-up no longer asks for it. */
export const forgetFacilitatorKey = facilitators.forget;
