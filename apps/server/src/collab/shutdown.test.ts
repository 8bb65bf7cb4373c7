import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '@debrief/protocol';
import { frames, openRawSocket } from '@debrief/testing/raw-socket';
import { createTestPostmortem, startTestServer } from '../testing/server-harness.ts';

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
