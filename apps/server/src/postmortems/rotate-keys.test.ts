import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentName, keyFromFragment } from '@debrief/protocol';
import { holdable, type HeldStorage } from '../testing/held-storage.ts';
import { api, connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
let held: HeldStorage | undefined;
beforeAll(async () => {
  server = await startTestServer({ wrapStorage: (storage) => (held = holdable(storage)).storage });
});
afterAll(() => server.stop());

it('rotates both links: old keys stop at once, their open connections are closed and refused, new keys work', async () => {
  const pm = await createTestPostmortem(server, 'Leaked link');
  const participant = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await participant.synced;

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
  await eventually(() => expect(participant.refused).toBe('wrong_key'), 10_000);
  const fresh = connectClient(server, documentName(pm.id, 'board'), participantKey);
  await fresh.synced;
  participant.destroy();
  fresh.destroy();
});

/** Replacing the links or deleting the post-mortem, each as the facilitator does it, and what a reconnect then hears. */
const revocations = [
  { what: 'the links were replaced', method: 'POST', path: (id: string) => `/api/postmortems/${id}/keys`, status: 200, refusal: 'wrong_key' },
  { what: 'the post-mortem was deleted', method: 'DELETE', path: (id: string) => `/api/postmortems/${id}`, status: 204, refusal: 'deleted' },
] as const;

it.each(revocations)(
  'closes a connection whose key check passed just before $what, once it has connected',
  async ({ method, path, status, refusal }) => {
    const pm = await createTestPostmortem(server, 'Race at revocation');
    // The participant key is checked against the post-mortem as it was; the answer arrives after the change.
    const checkHeld = held!.holdNextRead();
    const late = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
    const release = await checkHeld;

    // The change closes the post-mortem's connections; the late one is not among them yet.
    expect((await api(server, method, path(pm.id), pm.facilitatorKey)).status).toBe(status);
    release();

    // It finishes connecting with the old answer, is checked again and closed; reconnecting, it is refused.
    await eventually(() => expect(late.refused).toBe(refusal), 10_000);
    late.destroy();
  },
);
