import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitialDocuments } from '../schema/initial.ts';
import { addEvent, eventText } from '../board/timeline.ts';
import { addFactor, readFishbone } from '../board/fishbone.ts';
import { createTheme } from '../board/themes.ts';
import { moderateRevealedNote, revealNotes } from '../notes/write.ts';
import { promoteFinding } from '../findings/findings.ts';
import { addAction } from '../findings/actions.ts';
import { reviewText } from '../findings/review.ts';
import { publishedStatements, statementDocument } from './statements.ts';

function session() {
  const initial = createInitialDocuments({ title: 'Database loss', summary: 'Dave deleted the wrong directory.' });
  const load = (update: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return doc;
  };
  return { board: load(initial.board), notes: load(initial.notes), findings: load(initial.findings) };
}

it('lists every statement the report publishes, with names replaced, and no hidden notes', () => {
  const docs = session();
  const event = addEvent(docs.board, { at: '2017-01-31T23:00:00.000Z', what: 'Dave ran rm -rf on db1' });
  eventText(docs.board, event, 'known')?.insert(0, "Dave's terminal showed db2");
  const bone = readFishbone(docs.board).categories[0]!;
  const factor = addFactor(docs.board, { categoryId: bone.id, text: 'Hostnames differ by one digit' })!;
  revealNotes(docs.notes, [
    { id: 'n1', text: 'Dave should have double-checked the hostname.', color: 'yellow', eventId: null },
    { id: 'n2', text: 'buy now', color: 'yellow', eventId: null },
  ]);
  moderateRevealedNote(docs.notes, 'n2', { state: 'hidden' });
  const theme = createTheme(docs.board, 'Tooling', ['n1']);
  const finding = promoteFinding(docs.findings, { type: 'root', statement: 'Backups were never tested' });
  const action = addAction(docs.findings, [finding], 'Test restores weekly');
  reviewText(docs.findings, 'lessons')?.insert(0, 'Ask Dave about restores');

  const statements = publishedStatements({ ...docs }, [{ name: 'Dave', role: 'the on-call engineer' }]);
  const byId = new Map(statements.map((s) => [s.id, s]));
  expect(byId.get('summary')).toEqual({ section: 'summary', id: 'summary', text: 'the on-call engineer deleted the wrong directory.' });
  expect(byId.get(`event:${event}:what`)?.text).toBe('the on-call engineer ran rm -rf on db1');
  expect(byId.get(`event:${event}:known`)?.text).toBe("the on-call engineer's terminal showed db2");
  expect(byId.get(`factor:${factor}`)).toMatchObject({ section: 'fishbone', text: 'Hostnames differ by one digit' });
  expect(byId.get(`theme:${theme}`)).toMatchObject({ section: 'themes', text: 'Tooling' });
  expect(byId.get(`finding:${finding}`)).toMatchObject({ section: 'findings' });
  expect(byId.get(`action:${action}`)).toMatchObject({ section: 'actions', text: 'Test restores weekly' });
  expect(byId.get('lessons')?.text).toBe('Ask the on-call engineer about restores');
  expect(byId.get('note:n1')?.text).toBe('the on-call engineer should have double-checked the hostname.');
  expect(byId.has('note:n2')).toBe(false);
  // Empty fields publish nothing, so there is nothing to check in them.
  expect(byId.has('impact')).toBe(false);
  expect(statements.map((s) => s.text).join('\n')).not.toMatch(/Dave/);
});

it('says which document a statement’s words live in', () => {
  expect(['finding:a', 'action:b', 'action:b:owner', 'impact', 'lessons'].map((id) => statementDocument({ id }))).toEqual(Array(5).fill('findings'));
  expect(['title', 'event:c:what', 'factor:d', 'theme:e', 'note:f'].map((id) => statementDocument({ id }))).toEqual(Array(5).fill('board'));
});
