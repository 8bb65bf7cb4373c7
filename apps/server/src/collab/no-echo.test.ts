import { afterAll, beforeAll, expect, it } from 'vitest';
import { MessageType } from '@hocuspocus/server';
import * as Y from 'yjs';
import { addEvent, eventText, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { frames, openAuthenticatedSocket, type RawSocket } from '@debrief/testing/raw-socket';
import { createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await server.stop();
});

/** A new post-mortem's board, open on the server, with two participants' raw sockets on it. */
async function boardWithTwo(title: string) {
  const pm = await createTestPostmortem(server, title);
  const board = documentName(pm.id, 'board');
  const pair = await Promise.all([1, 2].map(() => openAuthenticatedSocket(server.wsUrl, board, pm.participantKey)));
  sockets.push(...pair);
  const live = server.app.collab.documents.get(board);
  if (!live) throw new Error('the board is not open');
  return { board, live, pair: pair as [RawSocket, RawSocket] };
}

const count = (socket: RawSocket, type: number) => socket.received.filter((frame) => frame.type === type).length;

/** A client's copy of the board as the server holds it, so its edits are well-formed records the server keeps as sent. */
function copyOf(live: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  return copy;
}

/** The update one change to `doc` makes. */
function edit(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (bytes: Uint8Array) => (update = bytes));
  change();
  if (!update) throw new Error('the edit made no update');
  return update;
}

// Under 5,000 connections every frame costs a write: an update sent back to the connection it came from is one of
// about eleven per edit in a session of ten, and that connection already has it (patches/@hocuspocus__server).
it('sends an edit to everyone else on the board and only the acknowledgement back to its writer', async () => {
  const {
    board,
    live,
    pair: [writer, watcher],
  } = await boardWithTwo('No echo');
  const copy = copyOf(live);
  const update = edit(copy, () => addEvent(copy, { at: '2026-11-01T14:02:00.000Z', what: 'Cache flushed' }));

  const writerSyncBefore = count(writer, MessageType.Sync);
  const watcherSyncBefore = count(watcher, MessageType.Sync);
  const acksBefore = count(writer, MessageType.SyncStatus);
  writer.send(frames.update(board, update));

  await eventually(() => expect(count(watcher, MessageType.Sync)).toBe(watcherSyncBefore + 1));
  // The acknowledgement leaves after the broadcast (Hocuspocus sends it once the update is applied and relayed),
  // so by the time it has arrived an echo would have too.
  await eventually(() => expect(count(writer, MessageType.SyncStatus)).toBe(acksBefore + 1));
  expect(count(writer, MessageType.Sync)).toBe(writerSyncBefore);
  expect(readTimeline(live).map((event) => event.what)).toEqual(['Cache flushed']);
});

it('sends an update back to its writer too when it completes changes that were waiting for it', async () => {
  const {
    board,
    live,
    pair: [first, second],
  } = await boardWithTwo('Waiting changes');
  const id = addEvent(live, { at: '2026-11-01T14:02:00.000Z', what: '' });

  // The second writer types "b"; the first sees it before the server does and types "a" after it, so the first
  // writer's change reaches the server before the part it builds on.
  const secondCopy = copyOf(live);
  const firstCopy = copyOf(live);
  const fromSecond = edit(secondCopy, () => eventText(secondCopy, id, 'what')?.insert(0, 'b'));
  Y.applyUpdate(firstCopy, fromSecond);
  const fromFirst = edit(firstCopy, () => eventText(firstCopy, id, 'what')?.insert(1, 'a'));

  const acks = count(first, MessageType.SyncStatus);
  first.send(frames.update(board, fromFirst));
  await eventually(() => expect(count(first, MessageType.SyncStatus)).toBe(acks + 1));
  expect(readTimeline(live)[0]?.what).toBe('');

  const secondSyncBefore = count(second, MessageType.Sync);
  second.send(frames.update(board, fromSecond));
  await eventually(() => expect(readTimeline(live)[0]?.what).toBe('ba'));
  // The update the second writer's change produced carries the first writer's "a", which the second lacks.
  await eventually(() => expect(count(second, MessageType.Sync)).toBe(secondSyncBefore + 1));
});
