import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { addEvent, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Opens a raw socket, sends the frames, and waits until the server closes it or a short time passes. */
async function sendRaw(frames: Uint8Array[]): Promise<void> {
  const socket = new WebSocket(server.wsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  for (const frame of frames) socket.send(frame);
  await new Promise((resolve) => {
    socket.once('close', resolve);
    setTimeout(resolve, 300);
  });
  socket.terminate();
}

it('survives garbage on the socket and keeps live sessions working', async () => {
  // Hocuspocus reports each undecodable message on the console; that noise is expected here.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const pm = await createTestPostmortem(server);
  const a = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  const b = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await Promise.all([a.synced, b.synced]);

  const name = new TextEncoder().encode(documentName(pm.id, 'board'));
  await sendRaw([
    randomBytes(64),
    new Uint8Array([]),
    new Uint8Array([name.length, ...name]), // a document name and then nothing
    new Uint8Array([name.length, ...name, 0, 2, 0xff, 0xff, 0xff]), // a sync update before authenticating
    randomBytes(4096),
  ]);
  for (let i = 0; i < 20; i++) await sendRaw([randomBytes(1 + (i * 37) % 300)]);

  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  addEvent(a.doc, { at: '2026-11-01T14:00:00.000Z', what: 'still live' });
  await eventually(() => expect(readTimeline(b.doc).map((e) => e.what)).toEqual(['still live']));
  a.destroy();
  b.destroy();
  expect(consoleError).toHaveBeenCalled();
  consoleError.mockRestore();
});
