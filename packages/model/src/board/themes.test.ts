import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTheme, readThemes, renameTheme, setNoteTheme, ungroupTheme } from './themes.ts';

it('groups notes into themes, moves notes between them, renames and ungroups', () => {
  const doc = new Y.Doc();
  const alerts = createTheme(doc, 'Alerting', ['n1', 'n2']);
  const docs = createTheme(doc, 'Docs', ['n3', 'n2']);
  expect(readThemes(doc).map((t) => [t.title, t.noteIds])).toEqual([
    ['Alerting', ['n1']],
    ['Docs', ['n2', 'n3']],
  ]);
  renameTheme(doc, alerts, 'Alert routing');
  setNoteTheme(doc, 'n1', docs);
  setNoteTheme(doc, 'n3', null);
  expect(readThemes(doc).map((t) => [t.title, t.noteIds])).toEqual([
    ['Alert routing', []],
    ['Docs', ['n1', 'n2']],
  ]);
  ungroupTheme(doc, docs);
  expect(readThemes(doc).map((t) => t.title)).toEqual(['Alert routing']);
  expect(doc.getMap('noteThemes').size).toBe(0);
});
