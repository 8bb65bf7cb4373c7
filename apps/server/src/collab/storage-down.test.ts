import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvent, readTimeline } from '@debrief/model';
import { documentName, parseSaveStatus } from '@debrief/protocol';
import { switchable, type SwitchableStorage } from '../testing/failing-storage.ts';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
let switchboard: SwitchableStorage | undefined;

beforeAll(async () => {
  server = await startTestServer({
    // Each boot's storage can be switched off; `switchboard` is the current one.
    wrapStorage: (storage) => (switchboard = switchable(storage)).storage,
    saverTiming: { retryBaseMs: 100, retryMaxMs: 400, watchdogMs: 1_000 },
  });
});
afterAll(() => server.stop());

const statuses = (stateless: string[]) => stateless.map(parseSaveStatus).filter((s) => s !== null);

/** True when the durable state vector in `saved` covers everything this client wrote. */
function covers(doc: Y.Doc, stateVector: string): boolean {
  const durable = Y.decodeStateVector(Buffer.from(stateVector, 'base64'));
  return (durable.get(doc.clientID) ?? 0) >= Y.getState(doc.store, doc.clientID);
}

it('keeps edits in memory while storage is down, tells clients, retries, and loses nothing once it is back', { timeout: 40_000 }, async () => {
  const pm = await createTestPostmortem(server, 'Storage outage');
  const writer = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await writer.synced;

  addEvent(writer.doc, { at: '2026-11-01T14:00:00.000Z', what: 'Before the outage' });
  await eventually(() => {
    const saved = statuses(writer.stateless).filter((s) => s.type === 'saved');
    expect(saved.some((s) => s.type === 'saved' && covers(writer.doc, s.stateVector))).toBe(true);
  }, 10_000);

  switchboard!.down = true;
  addEvent(writer.doc, { at: '2026-11-01T14:05:00.000Z', what: 'Written while storage is down' });
  // The client hears that its edit is not durable yet…
  await eventually(() => expect(statuses(writer.stateless).at(-1)).toMatchObject({ type: 'not-saved' }), 10_000);
  const refusedSoFar = switchboard!.refused;
  // …the writer leaves, and the document must not be dropped from memory with the edit in it…
  writer.destroy();
  // …saves keep being retried…
  await eventually(() => expect(switchboard!.refused).toBeGreaterThan(refusedSoFar + 2), 10_000);
  expect(server.app.collab.documents.has(documentName(pm.id, 'board'))).toBe(true);

  // …and once storage is back, the retry stores it and the document is released.
  switchboard!.down = false;
  await eventually(() => expect(server.app.collab.documents.has(documentName(pm.id, 'board'))).toBe(false), 10_000);

  await server.restart();
  const reader = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await reader.synced;
  expect(readTimeline(reader.doc).map((e) => e.what)).toEqual(['Before the outage', 'Written while storage is down']);
  reader.destroy();
});

it('never acknowledges a note it could not store, and takes it once storage is back', async () => {
  const pm = await createTestPostmortem(server, 'Notes during an outage');
  const submit = () =>
    fetch(`${server.url}/api/postmortems/${pm.id}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pm.participantKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'The runbook was out of date' }),
    });
  switchboard!.down = true;
  const refused = await submit();
  expect(refused.status).toBe(500);
  expect(await refused.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
  switchboard!.down = false;
  expect((await submit()).status).toBe(201);
  const reveal = await fetch(`${server.url}/api/postmortems/${pm.id}/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pm.facilitatorKey}`, 'content-type': 'application/json' },
    // One note: only ending the Observations phase releases fewer than three.
    body: JSON.stringify({ final: true }),
  });
  expect(await reveal.json()).toEqual({ revealed: 1 });
});
