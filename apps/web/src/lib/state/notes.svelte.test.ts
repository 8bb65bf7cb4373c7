// @vitest-environment happy-dom
import { createInitialDocuments, moderateRevealedNote, revealNotes } from '@debrief/model';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveMyNotes } from './my-notes.ts';
import { NotesState } from './notes.svelte.ts';

it('knows where each of this browser’s notes stands, newest first, and leaves hidden notes off the wall', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createInitialDocuments({ title: 't' }).notes);
  const mine = (id: string, text: string) => ({ id, secret: `secret-${id}`, text, color: 'yellow' as const, eventId: null });
  saveMyNotes('pm00000000000001', [mine('a', 'Bob should have checked'), mine('b', 'buy now'), mine('c', 'on the board'), mine('d', 'still held')]);
  revealNotes(
    doc,
    ['a', 'b', 'c', 'x'].map((id) => ({ id, text: `text of ${id}`, color: 'yellow' as const, eventId: null })),
  );
  const notes = new NotesState(doc, 'pm00000000000001', 'key');

  moderateRevealedNote(doc, 'a', { state: 'paraphrased', text: 'The check relied on memory' });
  moderateRevealedNote(doc, 'b', { state: 'hidden' });

  expect(notes.myNotes.map((n) => [n.id, n.status, n.shownText])).toEqual([
    ['d', 'waiting', 'still held'],
    ['c', 'shown', 'text of c'],
    ['b', 'hidden', 'buy now'],
    ['a', 'paraphrased', 'The check relied on memory'],
  ]);
  expect(notes.visible.map((n) => n.id).sort()).toEqual(['a', 'c', 'x']);
  notes.destroy();
});
