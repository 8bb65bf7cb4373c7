import { CAPS, addEvent, initBoard } from '@debrief/model';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardView } from './board.svelte.ts';
import type { DocumentEdits } from './document-edits.ts';
import { TimelineState } from './timeline.svelte.ts';

/** A timeline over a real board, editable or not, recording what it was refused. */
function timeline(editable: boolean) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Checkout outage', incidentAt: '2026-11-01T14:00:00.000Z' });
  const origin = Symbol('test');
  const edits: DocumentEdits = {
    canEdit: () => editable,
    edit: (write) => (editable ? write(doc, origin) : null),
    read: (pick) => pick(doc),
  };
  const refused: string[] = [];
  return { doc, state: new TimelineState(new BoardView(doc), edits, (what) => refused.push(what)), refused };
}

it('adds an event a minute after the last one, edits and removes it, through the board document', () => {
  const { state } = timeline(true);
  const first = state.add()!;
  const second = state.add()!;
  expect(state.events.map((e) => e.at)).toEqual(['2026-11-01T14:00:00.000Z', '2026-11-01T14:01:00.000Z']);
  state.update(first, { marker: 'decision', evidence: 'https://logs.example/1' });
  state.text(second, 'what')!.insert(0, 'Rollback started');
  expect(state.events.map((e) => [e.marker, e.evidence, e.what])).toEqual([
    ['decision', 'https://logs.example/1', ''],
    ['', '', 'Rollback started'],
  ]);
  state.remove(first);
  expect(state.events.map((e) => e.id)).toEqual([second]);
});

it('refuses an event past the cap and says so, and writes nothing while the board cannot be edited', () => {
  const full = timeline(true);
  full.doc.transact(() => {
    for (let i = 0; i < CAPS.events; i++) addEvent(full.doc, { at: '2026-11-01T14:00:00.000Z' });
  });
  expect(full.state.add()).toBeNull();
  expect(full.refused).toEqual(['events']);

  const readOnly = timeline(false);
  expect(readOnly.state.add()).toBeNull();
  expect([readOnly.state.events, readOnly.refused]).toEqual([[], []]);
});
