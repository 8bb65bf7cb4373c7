import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, LIMITS, promoteFinding, readActions, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER, formatFacilitatorKeys } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
let storage: Storage;
beforeAll(async () => (server = await startTestServer({ wrapStorage: (real) => (storage = real) })));
afterAll(() => server.stop());

const actionPath = (pm: { id: string }, actionId: string) => `/api/postmortems/${pm.id}/actions/${actionId}`;
const today = () => new Date().toISOString().slice(0, 10);

async function postmortemWithActions() {
  const pm = await createTestPostmortem(server, 'Queue outage');
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await fiona.findings.synced;
  const finding = promoteFinding(fiona.findings.doc, { type: 'root', statement: 'Backlog alerts had no owner' });
  const mine = addAction(fiona.findings.doc, [finding], 'Page the queue owner on backlog');
  updateAction(fiona.findings.doc, mine, { owner: 'Queue team', due: '2099-01-10' });
  const other = addAction(fiona.findings.doc, [finding], 'Document the runbook');
  await eventually(async () => expect((await api(server, 'GET', actionPath(pm, other), pm.facilitatorKey)).status).toBe(200));
  return { pm, fiona, mine, other };
}

it('hands an action to its owner by link: they read and update that action only, and the board sees it live', async () => {
  const { pm, fiona, mine, other } = await postmortemWithActions();

  // Only the facilitator makes owner links, only for actions that exist.
  expect((await api(server, 'POST', `${actionPath(pm, mine)}/owner-link`, pm.participantKey)).body.error.code).toBe('facilitator_only');
  expect((await api(server, 'POST', `${actionPath(pm, 'zzzzzzzzzzzzzzzz')}/owner-link`, pm.facilitatorKey)).status).toBe(404);
  expect((await api(server, 'POST', `${actionPath(pm, '..%2F..')}/owner-link`, pm.facilitatorKey)).status).toBe(404);
  const made = await api(server, 'POST', `${actionPath(pm, mine)}/owner-link`, pm.facilitatorKey);
  expect(made.status).toBe(200);
  const ownerKey: string = made.body.key;
  expect(ownerKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // Only its hash is stored.
  const record = await storage.getPostmortem(pm.id);
  expect(JSON.stringify(record)).not.toContain(ownerKey);
  expect(Object.keys(record?.ownerKeyHashes ?? {})).toEqual([mine]);

  const read = await api(server, 'GET', actionPath(pm, mine), ownerKey);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({
    id: mine,
    what: 'Page the queue owner on backlog',
    owner: 'Queue team',
    postmortemTitle: 'Queue outage',
    published: false,
  });

  const updated = await api(server, 'PATCH', actionPath(pm, mine), ownerKey, {
    status: 'in_progress',
    progressNote: '  Half of the queues page their owner now.  ',
    trackerUrl: 'https://tracker.example/OPS-12',
  });
  expect(updated.status).toBe(200);
  await eventually(() =>
    expect(readActions(fiona.findings.doc).find((a) => a.id === mine)).toMatchObject({
      status: 'in_progress',
      progressNote: 'Half of the queues page their owner now.',
      progressAt: today(),
      trackerUrl: 'https://tracker.example/OPS-12',
    }),
  );

  // The owner key opens nothing else: not another action, not the board, not the actions list's drafts.
  for (const [method, path] of [
    ['GET', actionPath(pm, other)],
    ['PATCH', actionPath(pm, other)],
    ['POST', `${actionPath(pm, mine)}/owner-link`],
    ['GET', `/api/postmortems/${pm.id}`],
  ] as const) {
    const refused = await api(server, method, path, ownerKey, method === 'PATCH' ? { status: 'done' } : undefined);
    expect([path, refused.status]).toEqual([path, 403]);
  }
  const listed = await fetch(`${server.url}/api/actions`, { headers: { [FACILITATOR_KEYS_HEADER]: formatFacilitatorKeys({ [pm.id]: ownerKey }) } });
  expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  expect(readActions(fiona.findings.doc).find((a) => a.id === other)?.status).toBe('open');

  // A new link replaces the old one; revoking stops it.
  const again = (await api(server, 'POST', `${actionPath(pm, mine)}/owner-link`, pm.facilitatorKey)).body.key as string;
  expect((await api(server, 'GET', actionPath(pm, mine), ownerKey)).body.error.code).toBe('wrong_key');
  expect((await api(server, 'GET', actionPath(pm, mine), again)).status).toBe(200);
  expect((await api(server, 'DELETE', `${actionPath(pm, mine)}/owner-link`, pm.facilitatorKey)).status).toBe(204);
  expect((await api(server, 'PATCH', actionPath(pm, mine), again, { status: 'done' })).status).toBe(403);
  fiona.destroy();
});

it('refuses bad follow-up with a clear error and changes nothing', async () => {
  const { pm, fiona, mine } = await postmortemWithActions();
  const ownerKey = (await api(server, 'POST', `${actionPath(pm, mine)}/owner-link`, pm.facilitatorKey)).body.key as string;
  const before = readActions(fiona.findings.doc).find((a) => a.id === mine);
  for (const [body, message] of [
    [{}, 'at least one'],
    [{ trackerUrl: 'javascript:alert(1)' }, 'http(s) link'],
    [{ progressNote: 'x'.repeat(LIMITS.progressNote + 1) }, `limited to ${LIMITS.progressNote}`],
    [{ status: 'finished' }, 'status must be one of'],
    [{ status: 'done', owner: 'Someone else' }, 'owner'],
  ] as const) {
    const refused = await api(server, 'PATCH', actionPath(pm, mine), ownerKey, body);
    expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringContaining(message)]);
  }
  expect((await api(server, 'PATCH', actionPath(pm, mine), null, { status: 'done' })).status).toBe(401);
  expect((await api(server, 'GET', actionPath({ id: 'zzzzzzzzzzzzzzzz' }, mine), ownerKey)).status).toBe(404);
  expect(readActions(fiona.findings.doc).find((a) => a.id === mine)).toEqual(before);

  // Saving again with the same status keeps the day it was done.
  await api(server, 'PATCH', actionPath(pm, mine), ownerKey, { status: 'done' });
  await eventually(() => expect(readActions(fiona.findings.doc).find((a) => a.id === mine)?.doneAt).toBe(today()));
  updateAction(fiona.findings.doc, mine, { doneAt: '2026-01-02' });
  await eventually(async () => expect((await api(server, 'GET', actionPath(pm, mine), ownerKey)).body.doneAt).toBe('2026-01-02'));
  await api(server, 'PATCH', actionPath(pm, mine), ownerKey, { status: 'done', progressNote: 'Shipped' });
  await eventually(() =>
    expect(readActions(fiona.findings.doc).find((a) => a.id === mine)).toMatchObject({ doneAt: '2026-01-02', progressNote: 'Shipped' }),
  );

  // Clearing the note clears its date; an empty tracker link removes it.
  await api(server, 'PATCH', actionPath(pm, mine), ownerKey, { progressNote: 'Started', trackerUrl: 'https://tracker.example/1' });
  expect((await api(server, 'PATCH', actionPath(pm, mine), ownerKey, { progressNote: '', trackerUrl: '' })).status).toBe(200);
  await eventually(() =>
    expect(readActions(fiona.findings.doc).find((a) => a.id === mine)).toMatchObject({ progressNote: '', progressAt: '', trackerUrl: '' }),
  );
  fiona.destroy();
});

it('shows the owner’s progress on the published actions with names replaced by roles', async () => {
  const { pm, fiona, mine } = await postmortemWithActions();
  const published = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey, {
    replaceNames: [{ name: 'Priya', role: 'the queue owner' }],
  });
  expect(published.status).toBe(200);
  const ownerKey = (await api(server, 'POST', `${actionPath(pm, mine)}/owner-link`, pm.facilitatorKey)).body.key as string;
  expect((await api(server, 'GET', actionPath(pm, mine), ownerKey)).body.published).toBe(true);
  await api(server, 'PATCH', actionPath(pm, mine), ownerKey, { progressNote: 'Priya moved the first ten queues.' });
  await eventually(async () => {
    const items = ((await (await fetch(`${server.url}/api/actions`)).json()) as { items: { id: string; progressNote: string }[] }).items;
    expect(items.find((a) => a.id === mine)?.progressNote).toBe('the queue owner moved the first ten queues.');
  });
  fiona.destroy();
});
