import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { moderateRevealedNote, revealNotes, setHeldCount } from '../notes/write.ts';
import { writeVoting } from '../notes/votes.ts';
import { createInitialDocuments } from './initial.ts';
import { NOTES_RECORDS } from './notes-records.ts';
import { repairRecord } from './repair.ts';

/** Every record of the notes document against its declaration: what a repair would change. */
function breaches(doc: Y.Doc): string[] {
  const found: string[] = [];
  doc.transact(() => {
    for (const [root, spec] of Object.entries(NOTES_RECORDS.single))
      found.push(...repairRecord(doc.getMap(root), spec).map((f) => `${f.record}.${f.field} ${f.problem}`));
    for (const [root, spec] of Object.entries(NOTES_RECORDS.collections)) {
      doc
        .getMap<Y.Map<unknown>>(root)
        .forEach((record) => found.push(...repairRecord(record, spec).map((f) => `${f.record}.${f.field} ${f.problem}`)));
    }
  });
  return found;
}

it('what the server writes to the notes document stays within its declarations', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createInitialDocuments({ title: 't' }).notes);
  setHeldCount(doc, 2);
  revealNotes(doc, [
    { id: 'n1', text: 'Alerts went to an unmonitored channel.', color: 'blue', eventId: null },
    { id: 'n2', text: 'x'.repeat(1000), color: 'pink', eventId: 'e1' },
  ]);
  moderateRevealedNote(doc, 'n1', { state: 'paraphrased', text: 'Alerts went nowhere anyone looked.' });
  moderateRevealedNote(doc, 'n2', { state: 'hidden' });
  writeVoting(doc, { open: true, votesPerPerson: 5 });
  expect(breaches(doc)).toEqual([]);
});

it('names what breaks a declaration: an undeclared key, a colour that is not one, text over its limit', () => {
  const doc = new Y.Doc();
  revealNotes(doc, [{ id: 'n1', text: 'ok', color: 'blue', eventId: null }]);
  const note = doc.getMap<Y.Map<unknown>>('notes').get('n1')!;
  note.set('author', 'bob');
  note.set('color', 'chartreuse');
  note.set('text', 'y'.repeat(1001));
  expect(breaches(doc)).toEqual([
    'note.text was longer than 1000 characters (trimmed)',
    'note.color is not one of "yellow", "pink", "blue", "green", "orange", "purple"',
    'note.author is not a field of this record',
  ]);
});
