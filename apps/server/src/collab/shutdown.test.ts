import { connect } from 'node:net';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '@debrief/protocol';
import { frames, openRawSocket } from '@debrief/testing/raw-socket';
import { addEvent } from '@debrief/model';
import type { Storage } from '../storage/storage.ts';
import { HTTP_GRACE_MS } from '../shutdown.ts';
import { connectClient, createTestPostmortem, startTestServer } from '../testing/server-harness.ts';

it('shuts down within seconds while a connected peer never answers the close', { timeout: 30_000 }, async () => {
  const server = await startTestServer();
  const pm = await createTestPostmortem(server, 'Shutdown');
  const board = documentName(pm.id, 'board');
  const silent = await openRawSocket(server.wsUrl);
  silent.send(frames.auth(board, pm.participantKey));
  silent.send(frames.syncStep1(board, new Y.Doc()));
  await silent.next((frame) => frame.type === 0);
  // Stops reading: it will never see, let alone answer, the server's close frame (a page mid-reload, a hung tab).
  silent.socket.pause();

  const started = Date.now();
  await server.stop();
  expect(Date.now() - started).toBeLessThan(5_000);
  silent.destroy();
});

it('refuses sockets that arrive while it saves and stops, so a reconnecting client cannot hold the shutdown open', { timeout: 30_000 }, async () => {
  // Saving takes a while here, as it can on a loaded machine: the window in which clients reconnect.
  let slowSaves = false;
  const server = await startTestServer({
    wrapStorage: (storage: Storage) =>
      new Proxy(storage, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property === 'storeDocument' && typeof value === 'function')
            return async (...args: unknown[]) => {
              if (slowSaves) await new Promise((resolve) => setTimeout(resolve, 1_500));
              return (value as (...a: unknown[]) => Promise<void>).apply(target, args);
            };
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  });
  const pm = await createTestPostmortem(server, 'Reconnect during shutdown');
  const writer = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await writer.synced;
  addEvent(writer.doc, { at: '2026-11-01T14:00:00.000Z', what: 'unsaved when the shutdown begins' });
  await writer.received();
  writer.destroy();

  slowSaves = true;
  const started = Date.now();
  const stopping = server.stop();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(openRawSocket(server.wsUrl)).rejects.toThrow('upgrade refused: 503');
  await stopping;
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('cuts a connection that never finishes its request once everything is saved, instead of waiting for it', { timeout: 30_000 }, async () => {
  const server = await startTestServer();
  // A request whose headers never end: the HTTP server's own close would wait for it for minutes.
  const { port } = new URL(server.url);
  const stuck = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => stuck.once('connect', resolve));
  stuck.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const closed = new Promise((resolve) => stuck.once('close', resolve));
  stuck.on('error', () => undefined);

  const started = Date.now();
  await server.stop();
  expect(Date.now() - started).toBeLessThan(HTTP_GRACE_MS + 3_000);
  await closed;
});
