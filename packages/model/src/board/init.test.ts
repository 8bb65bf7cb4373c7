import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, updateIncident } from './init.ts';
import { readMeta } from './shape.ts';

it('rewords the title and summary, never to an empty title, within their limits', () => {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Bob deleted the database', summary: 'x' });
  updateIncident(doc, { title: '  ', summary: 'The database was deleted by a cleanup that ran on the wrong host.' });
  expect(readMeta(doc)).toMatchObject({
    title: 'Bob deleted the database',
    summary: 'The database was deleted by a cleanup that ran on the wrong host.',
  });
  updateIncident(doc, { title: 'Production database loss'.padEnd(300, '!') });
  expect(readMeta(doc).title).toHaveLength(200);
});
