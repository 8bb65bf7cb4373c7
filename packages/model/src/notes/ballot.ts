import { MAX_VOTES_PER_PERSON } from './votes.ts';

/** A vote target as a ballot and the tallies name it: `note:<id>`, `theme:<id>` or `factor:<id>`. */
export const VOTE_TARGET_PATTERN = /^(note|theme|factor):[0-9a-z]{16}$/;

/**
 * An anonymous ballot, kept by the server in storage and never in a document: stored under the hash of its token,
 * it holds only the targets it voted for (repeated for stacked dots), at most MAX_VOTES_PER_PERSON of them.
 */
export const BALLOT_DECLARATION = {
  name: 'ballot',
  stored: 'in storage by the hash of its token; nothing names who holds it',
  votes: { max: MAX_VOTES_PER_PERSON, pattern: VOTE_TARGET_PATTERN, doc: 'the targets voted for, repeated for stacked dots' },
} as const;

/**
 * A ballot's votes as storage kept them, checked against the declaration: anything that is not a vote target is
 * dropped and the list is cut to the most a ballot may hold, so a damaged row can never add dots to a tally.
 */
export function readBallot(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((vote): vote is string => typeof vote === 'string' && BALLOT_DECLARATION.votes.pattern.test(vote))
    .slice(0, BALLOT_DECLARATION.votes.max);
}
