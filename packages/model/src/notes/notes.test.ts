import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitialDocuments } from '../schema/initial.ts';
import { schemaVersion } from '../schema/versioning.ts';
import { heldCount, readNotes, revealRounds } from './shape.ts';
import { readTallies, readVoting, voteTarget, writeTally, writeVoting } from './votes.ts';
import { moderateRevealedNote, removeRevealedNote, revealNotes, setHeldCount, updateRevealedNote } from './write.ts';
import { migrateDocument } from '../schema/documents.ts';
import { revealTimes, REVEAL_RULES } from './shape.ts';

const load = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

describe('notes document', () => {
  it('starts empty at the current schema with nothing held', () => {
    const doc = load(createInitialDocuments({ title: 't' }).notes);
    expect(schemaVersion(doc)).toBe(3);
    expect(readVoting(doc)).toEqual({ open: false, votesPerPerson: 3 });
    expect(heldCount(doc)).toBe(0);
    expect(readNotes(doc)).toEqual([]);
  });

  it('reveals notes in the given order, after earlier rounds, the same on every replica', () => {
    const server = load(createInitialDocuments({ title: 't' }).notes);
    revealNotes(server, [
      { id: 'b', text: 'second in shuffle', color: 'pink', eventId: null },
      { id: 'a', text: 'first in shuffle?', color: 'blue', eventId: 'evt' },
    ]);
    revealNotes(server, [{ id: 'c', text: 'later round', color: 'yellow', eventId: null }]);
    const replica = load(Y.encodeStateAsUpdate(server));

    expect(readNotes(replica).map((n) => [n.id, n.round])).toEqual([
      ['b', 1],
      ['a', 1],
      ['c', 2],
    ]);
    expect(readNotes(replica)[1]).toMatchObject({ color: 'blue', eventId: 'evt' });
    expect(revealRounds(replica)).toBe(2);
  });

  it('edits and removes revealed notes, and publishes the held count', () => {
    const doc = load(createInitialDocuments({ title: 't' }).notes);
    revealNotes(doc, [{ id: 'a', text: 'old', color: 'yellow', eventId: null }]);
    expect(updateRevealedNote(doc, 'a', { text: 'new', color: 'green' })).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'new', color: 'green' });
    expect(updateRevealedNote(doc, 'missing', { text: 'x' })).toBe(false);
    expect(removeRevealedNote(doc, 'a')).toBe(true);
    expect(readNotes(doc)).toEqual([]);
    setHeldCount(doc, 3);
    expect(heldCount(doc)).toBe(3);
  });

  it('records when reveals happen, how many the last released, and when one released fewer than the minimum', () => {
    const doc = load(createInitialDocuments({ title: 't' }).notes);
    expect(revealTimes(doc)).toEqual({ last: 0, lastSmall: 0, lastSize: 0 });
    const crowd = Array.from({ length: REVEAL_RULES.minNotes }, (_, i) => ({ id: `n${i}`, text: `${i}`, color: 'yellow' as const, eventId: null }));
    revealNotes(doc, crowd, 1_000);
    expect(revealTimes(doc)).toEqual({ last: 1_000, lastSmall: 0, lastSize: REVEAL_RULES.minNotes });
    revealNotes(doc, [{ id: 'late', text: 'late', color: 'yellow', eventId: null }], 5_000);
    expect(revealTimes(doc)).toEqual({ last: 5_000, lastSmall: 5_000, lastSize: 1 });
  });

  it('hides a note (its text leaves the document), paraphrases it, and shows it again', () => {
    const doc = load(createInitialDocuments({ title: 't' }).notes);
    revealNotes(doc, [{ id: 'a', text: 'Bob should have checked', color: 'yellow', eventId: null }]);
    expect(moderateRevealedNote(doc, 'a', { state: 'hidden' })).toBe(true);
    expect(readNotes(load(Y.encodeStateAsUpdate(doc)))[0]).toMatchObject({ text: '', moderation: 'hidden' });
    moderateRevealedNote(doc, 'a', { state: 'paraphrased', text: 'The hostname check relied on memory' });
    expect(readNotes(doc)[0]).toMatchObject({ text: 'The hostname check relied on memory', moderation: 'paraphrased' });
    moderateRevealedNote(doc, 'a', { state: '', text: 'Bob should have checked' });
    expect(readNotes(doc)[0]).toMatchObject({ text: 'Bob should have checked', moderation: '' });
    expect(moderateRevealedNote(doc, 'missing', { state: 'hidden' })).toBe(false);
  });

  it('migrates a version 2 document: every note unmoderated, no reveal times yet', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 2);
    const entry = new Y.Map<unknown>();
    entry.set('text', 'old note');
    doc.getMap('notes').set('a', entry);
    expect(migrateDocument('notes', doc)).toEqual({ from: 2, to: 3 });
    expect(readNotes(doc)[0]).toMatchObject({ text: 'old note', moderation: '' });
    expect(revealTimes(doc)).toEqual({ last: 0, lastSmall: 0, lastSize: 0 });
  });

  it('reads malformed entries safely', () => {
    const doc = new Y.Doc();
    const entry = new Y.Map<unknown>();
    entry.set('text', 42);
    entry.set('color', 'not-a-colour');
    doc.getMap('notes').set('x', entry);
    expect(readNotes(doc)).toEqual([{ id: 'x', text: '', color: 'yellow', eventId: null, round: 0, position: 0, moderation: '' }]);
  });
});

describe('votes', () => {
  it('publishes settings and tallies, dropping targets that reach zero', () => {
    const doc = load(createInitialDocuments({ title: 't' }).notes);
    writeVoting(doc, { open: true, votesPerPerson: 5 });
    writeTally(doc, voteTarget('note', 'a'), 2);
    writeTally(doc, voteTarget('factor', 'b'), 1);
    writeTally(doc, voteTarget('factor', 'b'), 0);
    expect(readVoting(doc)).toEqual({ open: true, votesPerPerson: 5 });
    expect([...readTallies(doc)]).toEqual([['note:a', 2]]);
  });
});
