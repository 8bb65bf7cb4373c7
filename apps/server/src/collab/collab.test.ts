import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addEvent, eventText, readMeta, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestClient, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
const clients: TestClient[] = [];
const connect = (name: string, token: string) => {
  const client = connectClient(server, name, token);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  while (clients.length) clients.pop()?.destroy();
});
afterAll(() => server.stop());

describe('live board over /collab', () => {
  it('delivers an edit from one provider to another', async () => {
    const pm = await createTestPostmortem(server, 'Cache stampede');
    const facilitator = connect(documentName(pm.id, 'board'), pm.facilitatorKey);
    const participant = connect(documentName(pm.id, 'board'), pm.participantKey);
    await Promise.all([facilitator.synced, participant.synced]);
    expect(readMeta(participant.doc).title).toBe('Cache stampede');

    const id = addEvent(facilitator.doc, { at: '2026-11-01T14:02:00.000Z', what: 'Cache flushed' });
    await eventually(() => expect(readTimeline(participant.doc).map((e) => e.what)).toEqual(['Cache flushed']));

    eventText(participant.doc, id, 'known')?.insert(0, 'Hit rate dropping');
    await eventually(() => expect(readTimeline(facilitator.doc)[0]?.known).toBe('Hit rate dropping'));
  });

  it('refuses a wrong key, another post-mortem’s key and unknown documents', async () => {
    const pm = await createTestPostmortem(server);
    const other = await createTestPostmortem(server);
    const attempts = [
      connect(documentName(pm.id, 'board'), 'x'.repeat(43)),
      connect(documentName(pm.id, 'board'), other.participantKey),
      connect(documentName(pm.id, 'board'), ''),
      connect(`${pm.id}/secrets`, pm.facilitatorKey),
      connect('zzzzzzzzzzzzzzzz/board', pm.facilitatorKey),
    ];
    for (const attempt of attempts) {
      await expect(attempt.synced).rejects.toThrow(/authentication failed/);
      expect(readMeta(attempt.doc).title).toBe('');
    }
  });

  it('keeps the board across a restart', async () => {
    const pm = await createTestPostmortem(server, 'Restart me');
    const writer = connect(documentName(pm.id, 'board'), pm.participantKey);
    await writer.synced;
    addEvent(writer.doc, { at: '2026-11-01T14:05:00.000Z', what: 'Rolled back' });
    // The server has the update once it echoes its sync state; wait until nothing is unsynced.
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    writer.destroy();

    await server.restart();

    const reader = connect(documentName(pm.id, 'board'), pm.facilitatorKey);
    await reader.synced;
    expect(readTimeline(reader.doc).map((e) => e.what)).toEqual(['Rolled back']);
    expect(readMeta(reader.doc).title).toBe('Restart me');
  });

  it('saves open documents on shutdown even inside the debounce window', async () => {
    const pm = await createTestPostmortem(server, 'Flush on close');
    const writer = connect(documentName(pm.id, 'board'), pm.participantKey);
    await writer.synced;
    addEvent(writer.doc, { at: '2026-11-01T14:06:00.000Z', what: 'Written just before SIGTERM' });
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));

    await server.restart(); // close() runs what SIGTERM runs, well inside the 2 s debounce

    const reader = connect(documentName(pm.id, 'board'), pm.participantKey);
    await reader.synced;
    expect(readTimeline(reader.doc).map((e) => e.what)).toEqual(['Written just before SIGTERM']);
  });
});
