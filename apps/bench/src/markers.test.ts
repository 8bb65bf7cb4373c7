import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { findMarkers, marker } from './markers.ts';

it('finds every marker in a real Yjs update, and nothing in text without one', () => {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('t').insert(0, `hello ${marker(3, 1, 42)} `);
  doc.getText('t').insert(0, `${marker(10, 0, 7)}${marker(10, 0, 8)} and ~m1.x~ ~m~ m5.5~`);
  expect(findMarkers(updates[0]!)).toEqual(['3.1.42']);
  expect(findMarkers(updates[1]!)).toEqual(['10.0.7', '10.0.8']);
  expect(findMarkers(new TextEncoder().encode('the health check failed ~ m'))).toEqual([]);
});
