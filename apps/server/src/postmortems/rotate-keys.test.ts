import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentName, keyFromFragment } from '@debrief/protocol';
import { api, connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('rotates both links: old keys stop at once, their open connections are closed and refused, new keys work', async () => {
  const pm = await createTestPostmortem(server, 'Leaked link');
  const participant = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await participant.synced;
  let refused = '';
  participant.provider.on('authenticationFailed', ({ reason }: { reason: string }) => (refused = reason));

  expect((await api(server, 'POST', `/api/postmortems/${pm.id}/keys`, pm.participantKey)).status).toBe(403);
  const rotated = await api(server, 'POST', `/api/postmortems/${pm.id}/keys`, pm.facilitatorKey);
  expect(rotated.status).toBe(200);
  const participantKey = keyFromFragment(new URL(rotated.body.participantUrl).hash)!;
  const facilitatorKey = keyFromFragment(new URL(rotated.body.facilitatorUrl).hash)!;
  expect(participantKey).not.toBe(pm.participantKey);

  for (const old of [pm.participantKey, pm.facilitatorKey]) {
    expect((await api(server, 'GET', `/api/postmortems/${pm.id}`, old)).status).toBe(403);
  }
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}`, participantKey)).body.role).toBe('participant');
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}`, facilitatorKey)).body.role).toBe('facilitator');

  // The connection that used the old key was closed; reconnecting with it is refused.
  await eventually(() => expect(refused).toBe('wrong_key'), 10_000);
  const fresh = connectClient(server, documentName(pm.id, 'board'), participantKey);
  await fresh.synced;
  participant.destroy();
  fresh.destroy();
});
