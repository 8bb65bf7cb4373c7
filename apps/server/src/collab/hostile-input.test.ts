import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addEvent, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { createRateLimiter } from '../limits/rate-limits.ts';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';
import { MAX_MESSAGE_BYTES } from './websocket.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer;
beforeAll(async () => {
  // Every fuzz socket comes from this one address; the connection limit is tested in rate-limits.test.ts.
  server = await startTestServer({ app: { rateLimiter: createRateLimiter({ scale: 0 }) } });
});
afterAll(() => server.stop());

/**
 * Opens a raw socket, sends the frames, and resolves with the close code once the server closes it (or it idles).
 * With `auth`, that frame goes first and the rest only once the server has answered it, so the garbage reaches
 * an authenticated document connection.
 */
async function sendRaw(frames: Uint8Array[], auth?: Uint8Array): Promise<number> {
  const socket = new WebSocket(server.wsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  if (auth) {
    const answered = new Promise((resolve) => socket.once('message', resolve));
    socket.send(auth);
    await answered;
  }
  const closed = new Promise<number>((resolve) => {
    socket.once('close', (code) => resolve(code));
    setTimeout(() => resolve(0), 1_000);
  });
  socket.on('error', () => undefined);
  for (const frame of frames) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
  const code = await closed;
  socket.terminate();
  return code;
}

function message(name: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Well-formed messages a real provider sends, to truncate and mutate. */
function genuine(name: string, token: string): Uint8Array[] {
  const doc = new Y.Doc();
  addEvent(doc, { at: '2026-11-01T14:00:00.000Z', what: 'fuzz' });
  return [
    message(name, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, token);
      encoding.writeVarString(e, '4.8.0');
    }),
    message(name, (e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    }),
    message(name, (e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    }),
  ];
}

function mutate(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (let n = 0; n < 1 + (copy.length % 4); n++) copy[Math.floor(Math.random() * copy.length)] = Math.floor(Math.random() * 256);
  return copy;
}

it('survives 10,000 hostile messages, closes only the offending sockets, keeps sessions live and leaks nothing', { timeout: 180_000 }, async () => {
  const consoleError = vi.spyOn(console, 'error');
  const pm = await createTestPostmortem(server);
  const name = documentName(pm.id, 'board');
  const a = connectClient(server, name, pm.participantKey);
  const b = connectClient(server, name, pm.participantKey);
  await Promise.all([a.synced, b.synced]);
  gc();
  const baseline = { documents: server.app.collab.documents.size, heap: process.memoryUsage().heapUsed };

  const real = genuine(name, pm.participantKey);
  let sent = 0;
  const codes = new Map<number, number>();
  for (let round = 0; sent < 10_000; round++) {
    const frames: Uint8Array[] = [];
    // Every third socket authenticates first, so its garbage reaches a live document connection.
    const authenticated = round % 3 === 0;
    for (let i = 0; i < 20; i++) {
      const base = real[(round + i) % real.length]!;
      // A genuine change is hostile only before authentication; after it, it would be a participant's edit.
      const kind = authenticated && (round + i) % 5 === 3 ? 2 : (round + i) % 5;
      frames.push(
        kind === 0
          ? randomBytes(1 + Math.floor(Math.random() * 512))
          : kind === 1
            ? base.slice(0, Math.floor(Math.random() * base.length))
            : kind === 2
              ? mutate(base)
              : kind === 3
                ? real[2]! // a change before authenticating
                : message(`${pm.id}/${'x'.repeat(round % 40)}`, (e) => encoding.writeVarUint(e, round % 12)),
      );
    }
    sent += frames.length + (authenticated ? 1 : 0);
    const code = await sendRaw(frames, authenticated ? real[0] : undefined);
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  // Bare one-byte frames (a ping or pong byte, which Hocuspocus cannot read) are closed like any other garbage.
  for (const byte of [9, 10, 0, 255]) expect(await sendRaw([new Uint8Array([byte])])).toBe(4400);
  // Huge frames are cut off by the socket layer.
  expect(await sendRaw([new Uint8Array(MAX_MESSAGE_BYTES + 1024)])).toBe(1009);
  expect(sent).toBeGreaterThanOrEqual(10_000);
  expect(codes.get(4400) ?? 0).toBeGreaterThan(100);

  // Everyone else is unharmed…
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  addEvent(a.doc, { at: '2026-11-01T14:00:00.000Z', what: 'still live' });
  // (Mutated genuine updates from authenticated sockets may have added odd events: a participant may write the board.)
  await eventually(() => expect(readTimeline(b.doc).map((e) => e.what)).toContain('still live'));
  // …no document was created or left behind by garbage, and memory is back where it was.
  await eventually(() => expect(server.app.collab.documents.size).toBe(baseline.documents), 10_000);
  gc();
  const grownMb = (process.memoryUsage().heapUsed - baseline.heap) / 1024 / 1024;
  expect(grownMb).toBeLessThan(30);
  // Malformed messages never reach Hocuspocus, so nothing is logged for them; refused keys are one line each. The
  // one exception: a well-formed Yjs update from an authenticated writer that Yjs fails to integrate (a mutated
  // genuine update), which y-protocols catches and logs (see docs/security.md, "Not covered").
  for (const args of consoleError.mock.calls) {
    const first = String(args[0]);
    expect(first === '[onAuthenticate]' || first === 'Caught error while handling a Yjs update', first).toBe(true);
  }
  consoleError.mockRestore();
  a.destroy();
  b.destroy();
});
