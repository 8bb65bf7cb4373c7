import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventsMap } from './shape.ts';
import { addEvent, deleteEvent, eventText, readTimeline, rereadTimeline, updateEvent } from './timeline.ts';

describe('timeline', () => {
  it('adds events with free text as Y.Text and reads them back', () => {
    const doc = new Y.Doc();
    const id = addEvent(doc, { at: '2026-11-01T14:02:00.000Z', what: 'Primary restarted', marker: 'decision' });
    const [event] = readTimeline(doc);
    expect(event).toMatchObject({ id, what: 'Primary restarted', known: '', marker: 'decision', evidence: '' });
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
    updateEvent(doc, id, { marker: 'decision', evidence: 'https://grafana.example/d/1' });
    expect(readTimeline(doc)[0]).toMatchObject({ marker: 'decision', evidence: 'https://grafana.example/d/1' });
    updateEvent(doc, 'missing', { marker: 'decision' });
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

  describe('rereadTimeline', () => {
    /** A doc with a timeline kept by rereadTimeline, as the board view keeps it, next to a fresh full read. */
    function watched(doc: Y.Doc) {
      const kept = { events: readTimeline(doc) };
      eventsMap(doc).observeDeep((changes) => (kept.events = rereadTimeline(doc, kept.events, changes)));
      return kept;
    }

    it('reads again only the event a keystroke touched; the others keep their objects', () => {
      const doc = new Y.Doc();
      const [a, b, c] = ['13:00', '14:00', '15:00'].map((t) => addEvent(doc, { at: `2026-11-01T${t}:00Z`, what: t }));
      const kept = watched(doc);
      const before = kept.events;
      eventText(doc, b!, 'what')!.insert(5, ' deploy');
      expect(kept.events).toEqual(readTimeline(doc));
      expect(kept.events.find((e) => e.id === b)?.what).toBe('14:00 deploy');
      expect(kept.events[0]).toBe(before[0]);
      expect(kept.events[2]).toBe(before[2]);
      expect(kept.events.map((e) => e.id)).toEqual([a, b, c]);
    });

    it('re-sorts when a time changes, and reads everything when events come or go', () => {
      const doc = new Y.Doc();
      const [a, b] = ['13:00', '14:00'].map((t) => addEvent(doc, { at: `2026-11-01T${t}:00Z`, what: t }));
      const kept = watched(doc);
      updateEvent(doc, b!, { at: '2026-11-01T12:00:00Z' });
      expect(kept.events.map((e) => e.id)).toEqual([b, a]);
      const c = addEvent(doc, { at: '2026-11-01T12:30:00Z' });
      expect(kept.events.map((e) => e.id)).toEqual([b, c, a]);
      deleteEvent(doc, b!);
      expect(kept.events).toEqual(readTimeline(doc));
      updateEvent(doc, c, { marker: 'decision', evidence: 'https://grafana.example/d/1' });
      expect(kept.events).toEqual(readTimeline(doc));
    });

    it('follows remote updates, several events at once, exactly as a full read would', () => {
      const local = new Y.Doc();
      const remote = new Y.Doc();
      const ids = Array.from({ length: 5 }, (_, i) => addEvent(remote, { at: `2026-11-01T1${i}:00:00Z`, what: `event ${i}` }));
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
      const kept = watched(local);
      const untouched = [kept.events[0], kept.events[2]];
      remote.transact(() => {
        eventText(remote, ids[1]!, 'known')!.insert(0, 'nobody knew');
        eventText(remote, ids[3]!, 'what')!.delete(0, 6);
        updateEvent(remote, ids[4]!, { at: '2026-11-01T09:00:00Z' });
      });
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
      expect(kept.events).toEqual(readTimeline(local));
      expect(kept.events[0]?.id).toBe(ids[4]);
      for (const event of untouched) expect(kept.events).toContain(event);
    });
  });
});
