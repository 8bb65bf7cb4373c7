import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventsMap } from './shape.ts';
import { addEvent, deleteEvent, eventText, readTimeline, updateEvent } from './timeline.ts';

describe('timeline', () => {
  it('adds events with free text as Y.Text and reads them back', () => {
    const doc = new Y.Doc();
    const id = addEvent(doc, { at: '2026-11-01T14:02:00.000Z', what: 'Primary restarted', decision: true });
    const [event] = readTimeline(doc);
    expect(event).toMatchObject({ id, what: 'Primary restarted', known: '', decision: true, evidence: '' });
    expect(eventsMap(doc).get(id)?.get('what')).toBeInstanceOf(Y.Text);
  });

  it('keeps events sorted by time, ties in creation order', () => {
    const doc = new Y.Doc();
    const late = addEvent(doc, { at: '2026-11-01T15:00:00Z', what: 'late' }, null, 1);
    const tieB = addEvent(doc, { at: '2026-11-01T14:00:00Z', what: 'tie second' }, null, 3);
    const tieA = addEvent(doc, { at: '2026-11-01T14:00:00Z', what: 'tie first' }, null, 2);
    const early = addEvent(doc, { at: '2026-11-01T13:00:00Z', what: 'early' }, null, 4);
    expect(readTimeline(doc).map((e) => e.id)).toEqual([early, tieA, tieB, late]);

    updateEvent(doc, late, { at: '2026-11-01T12:00:00Z' });
    expect(readTimeline(doc)[0]?.id).toBe(late);
  });

  it('sorts identically on two replicas after concurrent inserts', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addEvent(a, { at: '2026-11-01T14:00:00Z', what: 'from a' }, null, 10);
    addEvent(b, { at: '2026-11-01T14:00:00Z', what: 'from b' }, null, 10);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readTimeline(a)).toEqual(readTimeline(b));
  });

  it('merges concurrent typing in the same field without losing characters', () => {
    const a = new Y.Doc();
    const id = addEvent(a, { at: '2026-11-01T14:00:00Z', what: 'DB failover' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    eventText(a, id, 'what')?.insert(0, 'Manual ');
    eventText(b, id, 'what')?.insert(11, ' started');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    expect(readTimeline(a)[0]?.what).toBe('Manual DB failover started');
    expect(readTimeline(b)[0]?.what).toBe('Manual DB failover started');
  });

  it('updates scalar fields and deletes events', () => {
    const doc = new Y.Doc();
    const id = addEvent(doc, { at: '2026-11-01T14:00:00Z' });
    updateEvent(doc, id, { decision: true, evidence: 'https://grafana.example/d/1' });
    expect(readTimeline(doc)[0]).toMatchObject({ decision: true, evidence: 'https://grafana.example/d/1' });
    updateEvent(doc, 'missing', { decision: true });
    deleteEvent(doc, id);
    expect(readTimeline(doc)).toEqual([]);
  });

  it('undoes only the edits made with the tracked origin', () => {
    const doc = new Y.Doc();
    const mine = Symbol('mine');
    const undo = new Y.UndoManager(eventsMap(doc), { trackedOrigins: new Set([mine]) });
    const theirs = addEvent(doc, { at: '2026-11-01T14:00:00Z', what: 'theirs' }, 'remote');
    const own = addEvent(doc, { at: '2026-11-01T15:00:00Z', what: 'mine' }, mine);
    undo.undo();
    expect(readTimeline(doc).map((e) => e.id)).toEqual([theirs]);
    undo.redo();
    expect(readTimeline(doc).map((e) => e.id)).toEqual([theirs, own]);
  });
});
