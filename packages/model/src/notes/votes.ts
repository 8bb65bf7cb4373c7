import * as Y from 'yjs';
import { notesMeta } from './shape.ts';

/**
 * Dot voting, published by the server in the notes document (clients are read-only there): the voting settings in
 * its meta record (schema/notes-records.ts) and `votes`, tallies by target. A target is `note:<id>`, `theme:<id>`
 * or `factor:<id>`. Who voted for what is never here.
 */
export const VOTE_TARGET_KINDS = ['note', 'theme', 'factor'] as const;
export type VoteTargetKind = (typeof VOTE_TARGET_KINDS)[number];
export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTES_PER_PERSON = 20;

/** What the facilitator has set for voting. */
export interface VotingSettings {
  open: boolean;
  votesPerPerson: number;
}

/** The key of a vote target, e.g. `note:abc…`. */
export function voteTarget(kind: VoteTargetKind, id: string): string {
  return `${kind}:${id}`;
}

export const votesMap = (doc: Y.Doc) => doc.getMap<number>('votes');

/** Voting settings as published (closed, 3 per person, until the facilitator says otherwise). */
export function readVoting(doc: Y.Doc): VotingSettings {
  const open = notesMeta(doc).get('votingOpen');
  const perPerson = notesMeta(doc).get('votesPerPerson');
  return {
    open: open === true,
    votesPerPerson: typeof perPerson === 'number' ? perPerson : DEFAULT_VOTES_PER_PERSON,
  };
}

/** Vote counts by target. */
export function readTallies(doc: Y.Doc): Map<string, number> {
  const tallies = new Map<string, number>();
  votesMap(doc).forEach((count, target) => {
    if (typeof count === 'number' && count > 0) tallies.set(target, count);
  });
  return tallies;
}

/** Publishes the voting settings (server only). */
export function writeVoting(doc: Y.Doc, settings: VotingSettings): void {
  doc.transact(() => {
    notesMeta(doc).set('votingOpen', settings.open);
    notesMeta(doc).set('votesPerPerson', settings.votesPerPerson);
  });
}

/** Publishes the count for one target (server only; zero removes it). */
export function writeTally(doc: Y.Doc, target: string, count: number): void {
  doc.transact(() => {
    if (count > 0) votesMap(doc).set(target, count);
    else votesMap(doc).delete(target);
  });
}
