import type * as Y from 'yjs';
import { notesMeta, readTallies, readVoting, votesMap, type VotingSettings } from '@debrief/model';
import { ApiRequestError, ballotState, configureVoting, issueBallot, vote } from '../api/client.ts';

const ballotKey = (postmortemId: string) => `debrief:ballot:${postmortemId}`;

/**
 * Dot voting as this browser sees it: the published settings and counts (from `<id>/notes`), and this browser's
 * own anonymous ballot. The ballot token lives only in this browser; a new browser (or cleared storage) gets a
 * new ballot.
 */
export class VotesState {
  settings = $state.raw<VotingSettings>({ open: false, votesPerPerson: 3 });
  // Replaced whole on every change ($state.raw), so a plain Map is enough.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  tallies = $state.raw<Map<string, number>>(new Map());
  mine = $state.raw<string[]>([]);
  problem = $state<string | null>(null);
  readonly #unsubscribe: () => void;
  #ballot: string | null;

  constructor(
    doc: Y.Doc,
    private readonly postmortemId: string,
    private readonly key: string,
  ) {
    this.#ballot = readBallot(postmortemId);
    const refresh = () => {
      this.settings = readVoting(doc);
      this.tallies = readTallies(doc);
    };
    refresh();
    votesMap(doc).observe(refresh);
    notesMeta(doc).observe(refresh);
    this.#unsubscribe = () => {
      votesMap(doc).unobserve(refresh);
      notesMeta(doc).unobserve(refresh);
    };
    if (this.#ballot) void this.#restore(this.#ballot);
  }

  get remaining(): number {
    return Math.max(0, this.settings.votesPerPerson - this.mine.length);
  }

  countFor(target: string): number {
    return this.tallies.get(target) ?? 0;
  }

  myVotesFor(target: string): number {
    return this.mine.filter((t) => t === target).length;
  }

  async cast(target: string): Promise<void> {
    await this.#send(target, 'POST');
  }

  async retract(target: string): Promise<void> {
    await this.#send(target, 'DELETE');
  }

  /** Opens or closes voting (facilitator only; the server refuses anyone else). */
  async configure(settings: VotingSettings): Promise<void> {
    this.problem = null;
    try {
      await configureVoting(this.postmortemId, this.key, settings);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : 'Could not change voting.';
    }
  }

  destroy(): void {
    this.#unsubscribe();
  }

  async #send(target: string, method: 'POST' | 'DELETE'): Promise<void> {
    this.problem = null;
    try {
      const ballot = await this.#ensureBallot();
      this.mine = (await vote(this.postmortemId, this.key, ballot, target, method)).votes;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : 'The vote did not go through.';
    }
  }

  async #ensureBallot(): Promise<string> {
    if (this.#ballot) return this.#ballot;
    const ballot = await issueBallot(this.postmortemId, this.key);
    this.#ballot = ballot;
    try {
      localStorage.setItem(ballotKey(this.postmortemId), ballot);
    } catch {
      // Without storage the ballot lasts as long as this page.
    }
    return ballot;
  }

  async #restore(ballot: string): Promise<void> {
    try {
      this.mine = (await ballotState(this.postmortemId, this.key, ballot)).votes;
    } catch (error) {
      // A ballot the server does not know (e.g. the post-mortem was recreated): start afresh on the next vote.
      if (error instanceof ApiRequestError && error.code === 'wrong_ballot') this.#ballot = null;
    }
  }
}

function readBallot(postmortemId: string): string | null {
  try {
    return localStorage.getItem(ballotKey(postmortemId));
  } catch {
    return null;
  }
}

/** Forgets this browser's ballot for a post-mortem (it was deleted). */
export function forgetBallot(postmortemId: string): void {
  try {
    localStorage.removeItem(ballotKey(postmortemId));
  } catch {
    // Without storage there is nothing kept.
  }
}
