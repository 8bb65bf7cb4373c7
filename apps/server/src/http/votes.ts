import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { BALLOT_HEADER, voteRequest, votingSettingsRequest, type BallotResponse, type BallotState } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { rateLimited } from './rate-limit.ts';
import { VoteError, type VotingService } from '../votes/voting-service.ts';
import { requireAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';

type Params = { Params: { id: string } };

const VOTE_ERRORS: Record<VoteError['reason'], () => ApiError> = {
  wrong_ballot: () => new ApiError(403, 'wrong_ballot', 'This ballot is not valid here. Reload the page to get a new one.'),
  voting_closed: () => new ApiError(409, 'voting_closed', 'Voting is closed. The facilitator opens it.'),
  no_votes_left: () => new ApiError(409, 'no_votes_left', 'You have used all your votes. Take one back to vote elsewhere.'),
  not_found: () => new ApiError(404, 'not_found', 'There is nothing to vote on (or no vote of yours to take back) there.'),
};

function ballotOf(request: FastifyRequest): string {
  const ballot = request.headers[BALLOT_HEADER];
  if (typeof ballot !== 'string' || ballot === '') throw VOTE_ERRORS.wrong_ballot();
  return ballot;
}

const voteError = (error: unknown): never => {
  if (error instanceof VoteError) throw VOTE_ERRORS[error.reason]();
  throw error;
};

/** Anonymous dot voting: ballots, votes, and the facilitator's settings. */
export function voteRoutes(storage: Storage, voting: VotingService, limiter: RateLimiter): FastifyPluginAsync {
  return async (app) => {
    app.post<Params>('/api/postmortems/:id/ballots', { onRequest: rateLimited(limiter, 'vote') }, async (request, reply) => {
      await requireAccess(storage, request);
      const response: BallotResponse = { ballot: await voting.issueBallot(request.params.id) };
      return reply.code(201).send(response);
    });

    app.get<Params>('/api/postmortems/:id/ballots/mine', async (request) => {
      await requireAccess(storage, request);
      const state: BallotState = await voting.ballotState(request.params.id, ballotOf(request)).catch(voteError);
      return state;
    });

    app.post<Params>('/api/postmortems/:id/votes', { onRequest: rateLimited(limiter, 'vote') }, async (request, reply) => {
      await requireAccess(storage, request);
      const { target } = bodyOf(voteRequest, request);
      const state = await voting.cast(request.params.id, ballotOf(request), target).catch(voteError);
      return reply.code(201).send(state);
    });

    app.delete<Params>('/api/postmortems/:id/votes', async (request) => {
      await requireAccess(storage, request);
      const { target } = bodyOf(voteRequest, request);
      return voting.retract(request.params.id, ballotOf(request), target).catch(voteError);
    });

    app.put<Params>('/api/postmortems/:id/voting', async (request) => {
      await requireAccess(storage, request, 'facilitator');
      const settings = bodyOf(votingSettingsRequest, request);
      await voting.configure(request.params.id, settings);
      return settings;
    });
  };
}
