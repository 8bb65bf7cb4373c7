import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvent, eventText, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { createRateLimiter } from '../limits/rate-limits.ts';
import type { Storage } from '../storage/storage.ts';
import { frames, openRawSocket, type RawSocket } from '@debrief/testing/raw-socket';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestClient, type TestServer } from '../testing/server-harness.ts';
import { SOCKET_CLOSE } from './socket-limits.ts';

const AUTH = 2;
const SYNC = 0;
let server: TestServer;
/** Post-mortems whose key check is held until released, to keep a socket in its "authenticating" state. */
const held = new Map<string, Promise<void>>();
const open: { destroy(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    app: {
      rateLimiter: createRateLimiter({ scale: 0 }),
      socketLimits: { authDeadlineMs: 1_500, unauthenticatedSockets: 40, unsentBytesPerSocket: 1024 * 1024 },
    },
    wrapStorage: (storage: Storage) =>
      new Proxy(storage, {
        get(target, property, receiver) {
          if (property === 'getPostmortem') {
            return async (id: string) => {
              await held.get(id);
              return target.getPostmortem(id);
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  });
});
afterEach(() => {
  while (open.length) open.pop()?.destroy();
});
afterAll(() => server.stop());

async function raw(headers?: Record<string, string>): Promise<RawSocket> {
  const socket = await openRawSocket(server.wsUrl, headers);
  open.push(socket);
  return socket;
}

function client(name: string, token: string): TestClient {
  const one = connectClient(server, name, token);
  open.push(one);
  return one;
}

const isAuthAnswer = (address: string) => (frame: { address: string; type: number }) => frame.address === address && frame.type === AUTH;

describe('one socket', () => {
  it('opens one session per document: a second session of the same document closes the socket', async () => {
    const pm = await createTestPostmortem(server, 'Sessions');
    const socket = await raw();
    const board = documentName(pm.id, 'board');
    socket.send(frames.auth(`${board}\0one`, pm.participantKey));
    await socket.next(isAuthAnswer(`${board}\0one`));
    // The attack: hundreds of sessions of one document on one socket, each broadcast queued once per session.
    for (let i = 0; i < 500; i++) socket.send(frames.auth(`${board}\0s${i}`, pm.participantKey));
    expect(await socket.closed).toEqual(SOCKET_CLOSE.tooManyDocuments);
    await eventually(() => expect(server.app.collab.documents.get(board)?.getConnectionsCount() ?? 0).toBe(0));
  });

  it('opens at most 8 documents', async () => {
    const postmortems = await Promise.all([1, 2, 3].map((n) => createTestPostmortem(server, `Many documents ${n}`)));
    const socket = await raw();
    const addresses = postmortems.flatMap((pm) =>
      (['board', 'notes', 'findings'] as const).map((kind) => ({ address: documentName(pm.id, kind), key: pm.participantKey })),
    );
    for (const { address, key } of addresses.slice(0, 8)) {
      socket.send(frames.auth(address, key));
      await socket.next(isAuthAnswer(address));
    }
    socket.send(frames.auth(addresses[8]!.address, addresses[8]!.key));
    expect(await socket.closed).toEqual(SOCKET_CLOSE.tooManyDocuments);
  });

  it("frees a document's place when the client closes it, as a provider does when it is destroyed", async () => {
    const pm = await createTestPostmortem(server, 'Reopened');
    const socket = await raw();
    const board = documentName(pm.id, 'board');
    socket.send(frames.auth(`${board}\0first`, pm.participantKey));
    await socket.next(isAuthAnswer(`${board}\0first`));
    socket.send(frames.close(`${board}\0first`));
    socket.send(frames.auth(`${board}\0second`, pm.participantKey));
    await socket.next(isAuthAnswer(`${board}\0second`));
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
  });
});

describe('before authentication', () => {
  it('takes nothing but the key: a socket that sends anything else first is closed, and what it sent is not kept', async () => {
    const pm = await createTestPostmortem(server, 'Change before key');
    const board = documentName(pm.id, 'board');
    const forged = new Y.Doc();
    addEvent(forged, { at: '2026-11-01T14:00:00.000Z', what: 'sent before the key' });
    const socket = await raw();
    socket.send(frames.update(board, Y.encodeStateAsUpdate(forged)));
    socket.send(frames.auth(board, pm.participantKey));
    expect(await socket.closed).toEqual(SOCKET_CLOSE.authenticateFirst);
    const reader = client(board, pm.participantKey);
    await reader.synced;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readTimeline(reader.doc)).toEqual([]);
  });

  it('closes a socket that sends more than a little while its key is being checked', async () => {
    const pm = await createTestPostmortem(server, 'Flood while checking');
    let release!: () => void;
    held.set(pm.id, new Promise<void>((resolve) => (release = resolve)));
    try {
      const board = documentName(pm.id, 'board');
      const socket = await raw();
      socket.send(frames.auth(board, pm.participantKey));
      const big = new Y.Doc();
      big.getText('t').insert(0, 'x'.repeat(20_000));
      for (let i = 0; i < 10; i++) socket.send(frames.update(board, Y.encodeStateAsUpdate(big)));
      expect(await socket.closed).toEqual(SOCKET_CLOSE.preAuthFlood);
    } finally {
      release();
      held.delete(pm.id);
    }
  });

  it('closes a socket that authenticates nothing in time', async () => {
    const socket = await raw();
    const started = Date.now();
    expect(await socket.closed).toEqual(SOCKET_CLOSE.authDeadline);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses new sockets while as many as allowed are still unauthenticated, and takes them again after', async () => {
    const idle = await Promise.all(Array.from({ length: 40 }, () => raw()));
    await expect(raw()).rejects.toThrow('upgrade refused: 503');
    idle.forEach((socket) => socket.destroy());
    await eventually(async () => expect(await raw()).toBeTruthy());
  });
});

describe('a socket that does not read', () => {
  it('is cut once the data queued for it passes its limit; others go on', { timeout: 60_000 }, async () => {
    const pm = await createTestPostmortem(server, 'Slow reader');
    const board = documentName(pm.id, 'board');
    const writer = client(board, pm.participantKey);
    const reader = client(board, pm.participantKey);
    await Promise.all([writer.synced, reader.synced]);
    const stalled = await raw();
    stalled.send(frames.auth(board, pm.participantKey));
    stalled.send(frames.syncStep1(board, new Y.Doc()));
    await stalled.next((frame) => frame.type === SYNC);
    stalled.socket.pause();
    const connections = () => server.app.collab.documents.get(board)?.getConnectionsCount() ?? 0;
    expect(connections()).toBe(3);
    const id = addEvent(writer.doc, { at: '2026-11-01T14:00:00.000Z', what: '' });
    // Megabytes written and removed again: the document stays small, the stalled socket's queue does not. At most
    // four megabytes a second: the document guard refuses a change once the megabytes since it last measured the
    // document (at most once a second) would reach its 5 MB cap, and a refused change would stall the writer.
    let window = Date.now();
    for (let round = 0; round < 60 && connections() === 3; round++) {
      if (round % 4 === 3) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, window + 1_100 - Date.now())));
        window = Date.now();
      }
      const text = eventText(writer.doc, id, 'known')!;
      text.insert(0, 'y'.repeat(1024 * 1024));
      await writer.received();
      text.delete(0, text.length);
      await writer.received();
    }
    await eventually(() => expect(connections()).toBe(2), 10_000);
    eventText(writer.doc, id, 'what')!.insert(0, 'still live');
    await eventually(() => expect(readTimeline(reader.doc)[0]?.what).toBe('still live'));
  });
});
