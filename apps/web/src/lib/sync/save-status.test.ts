import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveWatcher, type SaveState } from './save-status.ts';

const savedMessage = (doc: Y.Doc) => JSON.stringify({ type: 'saved', stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64') });

describe('SaveWatcher', () => {
  it('counts an edit as saved only once a saved state vector covers it', () => {
    const doc = new Y.Doc();
    const seen: SaveState[] = [];
    const watcher = new SaveWatcher([doc], (state) => seen.push(state));
    expect(watcher.state).toBe('saved');
    doc.getText('t').insert(0, 'hello');
    expect(watcher.state).toBe('saving');
    const covering = savedMessage(doc);
    doc.getText('t').insert(5, ' world');
    watcher.receive(doc, covering);
    expect(watcher.state).toBe('saving'); // the second edit is not in that save
    watcher.receive(doc, savedMessage(doc));
    expect(watcher.state).toBe('saved');
    expect(seen).toEqual(['saving', 'saved']);
  });

  it('reports storage failures while edits are pending, and ignores other messages', () => {
    const doc = new Y.Doc();
    const watcher = new SaveWatcher([doc], () => undefined);
    watcher.receive(doc, JSON.stringify({ type: 'not-saved', retryInMs: 1000 }));
    expect(watcher.state).toBe('saved'); // nothing of ours is waiting
    doc.getText('t').insert(0, 'x');
    expect(watcher.state).toBe('not-saved');
    watcher.receive(doc, 'not json');
    watcher.receive(doc, JSON.stringify({ type: 'saved', stateVector: 42 }));
    expect(watcher.state).toBe('not-saved');
    watcher.receive(doc, savedMessage(doc));
    expect(watcher.state).toBe('saved');
  });
});

it('keeps each document’s failure to itself and ignores documents it does not watch', () => {
  const board = new Y.Doc();
  const findings = new Y.Doc();
  const notes = new Y.Doc();
  const watcher = new SaveWatcher([board, findings], () => undefined);
  board.getText('t').insert(0, 'x');
  watcher.receive(board, JSON.stringify({ type: 'not-saved', retryInMs: 1000 }));
  expect(watcher.state).toBe('not-saved');
  // A save of another document clears nothing about the board.
  watcher.receive(findings, savedMessage(findings));
  watcher.receive(notes, savedMessage(notes));
  expect(watcher.state).toBe('not-saved');
  watcher.receive(board, savedMessage(board));
  expect(watcher.state).toBe('saved');
});
