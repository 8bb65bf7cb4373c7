import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EVENT_RECORD, FACTOR_RECORD, THEME_RECORD } from './board-records.ts';
import { repairRecord } from './repair.ts';
import { writeFields } from './fields.ts';
import { ACTION_RECORD } from './findings-records.ts';
import { addEvent, readTimeline } from '../board/timeline.ts';
import { eventsMap } from '../board/shape.ts';

it('trims text over its limit, defaults what breaks a type, a format or an enum, and drops unknown keys', () => {
  const doc = new Y.Doc();
  const id = addEvent(doc, { at: '2026-01-01T10:00:00.000Z', what: 'ok' });
  const event = eventsMap(doc).get(id)!;
  doc.transact(() => {
    (event.get('what') as Y.Text).insert(0, 'x'.repeat(300_000));
    event.set('evidence', 'javascript:alert(1)');
    event.set('marker', 'blame');
    event.set('payload', 'x'.repeat(10_000));
  });
  const fixes = doc.transact(() => repairRecord(event, EVENT_RECORD));
  expect(fixes.map((f) => f.field).sort()).toEqual(['evidence', 'marker', 'payload', 'what']);
  const [read] = readTimeline(doc);
  expect(read).toMatchObject({ what: 'x'.repeat(500), evidence: '', marker: '' });
  expect([...event.keys()].sort()).toEqual(['at', 'createdAt', 'evidence', 'id', 'known', 'marker', 'source', 'what']);
});

it('trims plain strings, resets unknown enum values, and leaves a valid record untouched', () => {
  const doc = new Y.Doc();
  const theme = doc.getMap<Y.Map<unknown>>('themes').set('t', new Y.Map());
  theme.set('title', 'T'.repeat(500));
  expect(repairRecord(theme, THEME_RECORD)).toHaveLength(1);
  expect(theme.get('title')).toBe('T'.repeat(120));
  const factor = doc.getMap<Y.Map<unknown>>('factors').set('f', new Y.Map());
  factor.set('evidenceKind', 'person');
  factor.set('text', new Y.Text('fine'));
  expect(repairRecord(factor, FACTOR_RECORD)).toMatchObject([{ field: 'evidenceKind' }]);
  expect(factor.get('evidenceKind')).toBe('');
  expect(repairRecord(factor, FACTOR_RECORD)).toEqual([]);
});

describe('writeFields', () => {
  it('writes declared scalar fields only, cuts strings to their limit and leaves live text and unknown keys alone', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('action');
    doc.transact(() =>
      writeFields(map, ACTION_RECORD, { owner: 'x'.repeat(500), priority: 'high', what: 'ignored', ...({ author: 'bob' } as object) }),
    );
    expect(map.get('owner')).toBe('x'.repeat(ACTION_RECORD.fields.owner.max));
    expect(map.get('priority')).toBe('high');
    expect([map.has('what'), map.has('author')]).toEqual([false, false]);
  });
});
