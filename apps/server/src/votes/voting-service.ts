import type { Hocuspocus } from '@hocuspocus/server';
import { writeTally, writeVoting, type VotingSettings } from '@debrief/model';
import type { BallotState } from '@debrief/protocol';
import { writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import { generateKey, hashKey } from '../postmortems/keys.ts';
import type { Storage } from '../storage/storage.ts';

/** Why a vote was refused. */
export class VoteError extends Error {
  constructor(readonly reason: 'wrong_ballot' | 'voting_closed' | 'no_votes_left' | 'not_found') {
    super(reason);
  }
}

/**
 * Dot voting under anonymous ballots. A ballot is a random token that only its browser holds; the server keeps
 * its hash and the targets it voted for, nothing about who holds it. The limit is checked here, on the server,
 * and tallies are published by the server in `<id>/notes`, where clients cannot write.
 */
export class VotingService {
  constructor(
    private readonly storage: Storage,
    private readonly collab: Hocuspocus,
    private readonly lock: Lock,
  ) {}

  /** Issues a new anonymous ballot; returns its token (shown once, kept by the browser). */
  async issueBallot(postmortemId: string): Promise<string> {
    const ballot = generateKey();
    await this.storage.createBallot(postmortemId, hashKey(ballot));
    return ballot;
  }

  /** This ballot's votes and what it has left. */
  async ballotState(postmortemId: string, ballot: string): Promise<BallotState> {
    const votes = await this.storage.getBallot(postmortemId, hashKey(ballot));
    if (!votes) throw new VoteError('wrong_ballot');
    const { votesPerPerson } = await this.storage.getVoting(postmortemId);
    return { votes, remaining: Math.max(0, votesPerPerson - votes.length) };
  }

  /** Adds one vote for a target, if voting is open and the ballot has votes left. */
  cast(postmortemId: string, ballot: string, target: string): Promise<BallotState> {
    return this.lock.run(postmortemId, async () => {
      const votes = await this.#votes(postmortemId, ballot);
      const settings = await this.storage.getVoting(postmortemId);
      if (!settings.open) throw new VoteError('voting_closed');
      if (votes.length >= settings.votesPerPerson) throw new VoteError('no_votes_left');
      if (target.startsWith('note:')) {
        const note = await this.storage.getNote(postmortemId, target.slice(5));
        if (!note || note.held) throw new VoteError('not_found');
      }
      return this.#save(postmortemId, ballot, [...votes, target], target, settings);
    });
  }

  /** Takes back one of this ballot's votes for a target (allowed while voting is open). */
  retract(postmortemId: string, ballot: string, target: string): Promise<BallotState> {
    return this.lock.run(postmortemId, async () => {
      const votes = await this.#votes(postmortemId, ballot);
      const settings = await this.storage.getVoting(postmortemId);
      if (!settings.open) throw new VoteError('voting_closed');
      const index = votes.indexOf(target);
      if (index < 0) throw new VoteError('not_found');
      return this.#save(postmortemId, ballot, votes.toSpliced(index, 1), target, settings);
    });
  }

  /** Opens or closes voting and sets the votes per person (facilitator only; checked by the route). */
  configure(postmortemId: string, settings: VotingSettings): Promise<void> {
    return this.lock.run(postmortemId, () =>
      writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'notes',
        (doc) => writeVoting(doc, settings),
        (state) => this.storage.setVoting(postmortemId, settings, state),
      ),
    );
  }

  async #votes(postmortemId: string, ballot: string): Promise<string[]> {
    const votes = await this.storage.getBallot(postmortemId, hashKey(ballot));
    if (!votes) throw new VoteError('wrong_ballot');
    return votes;
  }

  /** Stores the ballot and publishes the target's new count from every ballot, in one durable step. */
  async #save(postmortemId: string, ballot: string, votes: string[], target: string, settings: VotingSettings): Promise<BallotState> {
    const ballotHash = hashKey(ballot);
    const others = (await this.storage.listBallots(postmortemId)).flat().filter((t) => t === target).length;
    const before = (await this.storage.getBallot(postmortemId, ballotHash))!.filter((t) => t === target).length;
    const count = others - before + votes.filter((t) => t === target).length;
    await writeAsServer(
      { collab: this.collab, storage: this.storage },
      postmortemId,
      'notes',
      (doc) => writeTally(doc, target, count),
      (state) => this.storage.saveBallot(postmortemId, ballotHash, votes, state),
    );
    return { votes, remaining: Math.max(0, settings.votesPerPerson - votes.length) };
  }
}
