import { z } from 'zod';
import { MAX_VOTES_PER_PERSON, VOTE_TARGET_PATTERN } from '@debrief/model';

/** Body of `POST /api/postmortems/:id/votes` and `DELETE /api/postmortems/:id/votes`. */
export const voteRequest = z.strictObject({
  target: z.string({ error: 'target is required' }).regex(VOTE_TARGET_PATTERN, 'target must look like note:<id>, theme:<id> or factor:<id>'),
});

/** Body of `PUT /api/postmortems/:id/voting` (facilitator). */
export const votingSettingsRequest = z.strictObject({
  open: z.boolean({ error: 'open must be true or false' }),
  votesPerPerson: z
    .number({ error: 'votesPerPerson must be a number' })
    .int('votesPerPerson must be a whole number')
    .min(1, 'votesPerPerson must be at least 1')
    .max(MAX_VOTES_PER_PERSON, `votesPerPerson is at most ${MAX_VOTES_PER_PERSON}`),
});

/** Answer of `POST /api/postmortems/:id/ballots`: an anonymous ballot token, kept only by this browser. */
export interface BallotResponse {
  ballot: string;
}

/** This ballot's votes and how many it has left. */
export interface BallotState {
  votes: string[];
  remaining: number;
}

/** The header that carries a ballot token. */
export const BALLOT_HEADER = 'x-ballot';
