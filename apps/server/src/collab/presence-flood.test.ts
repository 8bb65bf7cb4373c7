import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentName, PRESENCE_MAX_CLIENTS, PRESENCE_MAX_PER_ADDRESS, PRESENCE_MAX_PER_DOCUMENT } from '@debrief/protocol';
import { createRateLimiter } from '../limits/rate-limits.ts';
import { frames, openAuthenticatedSocket, openRawSocket, type RawSocket } from '@debrief/testing/raw-socket';
import { createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

const AWARENESS = 1;
let server: TestServer;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  // Behind a trusted proxy on loopback, each socket can say which address it comes from.
  server = await startTestServer({ app: { rateLimiter: createRateLimiter({ scale: 0 }), trustProxy: ['loopback'] } });
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await server.stop();
});

let nextClientId = 1_000;
/** One socket from `address` announcing as many fake people as one connection may. */
async function flood(board: string, key: string, address: string): Promise<void> {
  const socket = await openAuthenticatedSocket(server.wsUrl, board, key, { 'x-forwarded-for': address });
  sockets.push(socket);
  const entries = Array.from({ length: PRESENCE_MAX_CLIENTS }, () => ({
    clientId: nextClientId++,
    clock: 1,
    state: { user: { name: `Fake ${nextClientId}`, color: '#2f6fb4', role: 'participant' }, editing: null },
  }));
  socket.send(frames.awareness(board, entries));
}

it('bounds the presence one address and one document hold, and what a newcomer receives on joining', { timeout: 60_000 }, async () => {
  const pm = await createTestPostmortem(server, 'Presence flood');
  const board = documentName(pm.id, 'board');
  const states = () => server.app.collab.documents.get(board)?.awareness.getStates().size ?? 0;
  const socketsPerAddress = Math.ceil(PRESENCE_MAX_PER_ADDRESS / PRESENCE_MAX_CLIENTS) + 5;

  for (let i = 0; i < socketsPerAddress; i++) await flood(board, pm.participantKey, '10.0.0.1');
  await eventually(() => expect(states()).toBe(PRESENCE_MAX_PER_ADDRESS));
  const perDocumentAddresses = Math.ceil(PRESENCE_MAX_PER_DOCUMENT / PRESENCE_MAX_PER_ADDRESS);
  for (let a = 2; a <= perDocumentAddresses + 1; a++) {
    for (let i = 0; i < socketsPerAddress; i++) await flood(board, pm.participantKey, `10.0.0.${a}`);
  }
  await eventually(() => expect(states()).toBe(PRESENCE_MAX_PER_DOCUMENT));

  // A newcomer still joins: its first presence frame holds at most what the document may.
  const newcomer = await openRawSocket(server.wsUrl, { 'x-forwarded-for': '10.0.1.1' });
  sockets.push(newcomer);
  newcomer.send(frames.auth(board, pm.participantKey));
  const joined = await newcomer.next((frame) => frame.type === AWARENESS);
  expect(joined.bytes).toBeLessThan(PRESENCE_MAX_PER_DOCUMENT * 300);
  expect(states()).toBe(PRESENCE_MAX_PER_DOCUMENT);
});
