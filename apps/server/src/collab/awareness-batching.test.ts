import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentName } from '@debrief/protocol';
import { frames, openAuthenticatedSocket, type RawSocket } from '@debrief/testing/raw-socket';
import { createRateLimiter } from '../limits/rate-limits.ts';
import { createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';
import { AWARENESS_WINDOW_MS } from './awareness-batching.ts';

const AWARENESS = 1;
let server: TestServer;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ app: { rateLimiter: createRateLimiter({ scale: 0 }) } });
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await server.stop();
});

async function join(board: string, key: string): Promise<RawSocket> {
  const socket = await openAuthenticatedSocket(server.wsUrl, board, key);
  sockets.push(socket);
  return socket;
}

it('relays presence once a window, each person’s latest state, however many pointer moves arrive', { timeout: 30_000 }, async () => {
  const pm = await createTestPostmortem(server, 'Pointers');
  const board = documentName(pm.id, 'board');
  const watcher = await join(board, pm.participantKey);
  const pointers = await Promise.all(Array.from({ length: 10 }, () => join(board, pm.participantKey)));
  const states = () => server.app.collab.documents.get(board)?.awareness.getStates();

  // Ten people each move a pointer 20 times, all at once: 200 awareness messages within a few milliseconds.
  const before = watcher.received.filter((frame) => frame.type === AWARENESS).length;
  const started = Date.now();
  pointers.forEach((socket, person) => {
    for (let clock = 1; clock <= 20; clock++) {
      const state = {
        user: { name: `Person ${person}`, color: '#2f6fb4', role: 'participant' },
        editing: null,
        cursor: { surface: 'canvas', x: clock, y: person },
      };
      socket.send(frames.awareness(board, [{ clientId: 5_000 + person, clock, state }]));
    }
  });
  await eventually(() => expect([...(states()?.values() ?? [])].filter((s) => (s as { cursor?: { x: number } }).cursor?.x === 20)).toHaveLength(10));
  // Everything that arrived went out in a handful of windows, not in 200 messages to each connection.
  await new Promise((resolve) => setTimeout(resolve, 3 * AWARENESS_WINDOW_MS));
  const relayed = watcher.received.filter((frame) => frame.type === AWARENESS).length - before;
  const windows = Math.ceil((Date.now() - started) / AWARENESS_WINDOW_MS) + 1;
  expect(relayed).toBeGreaterThan(0);
  expect(relayed).toBeLessThanOrEqual(Math.min(windows, 20));
});
