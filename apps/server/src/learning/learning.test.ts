import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER } from '@debrief/protocol';
import { api, connectPerson, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function published(title: string, incidentAt: string, categories: string[], action?: { due: string; done?: string }, publish = true) {
  const created = await (
    await fetch(`${server.url}/api/postmortems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title, incidentAt }),
    })
  ).json();
  const key = new URL(created.facilitatorUrl).hash.slice(3);
  const fiona = connectPerson(server, created.id, key, 'Fiona');
  await fiona.findings.synced;
  for (const category of categories) promoteFinding(fiona.findings.doc, { type: 'contributing', statement: `${category} gap`, category });
  if (action) {
    const id = addAction(fiona.findings.doc, [], 'Fix it');
    updateAction(fiona.findings.doc, id, { owner: 'Team', due: action.due, ...(action.done ? { status: 'done', doneAt: action.done } : {}) });
  }
  await fiona.received();
  if (publish) expect((await api(server, 'POST', `/api/postmortems/${created.id}/publish`, key)).status).toBe(200);
  fiona.destroy();
  return { id: created.id as string, key };
}

it('counts factor categories per month and the share of actions done on time, across published post-mortems only', async () => {
  await published('One', '2026-09-10T10:00:00Z', ['Tooling', 'Process'], { due: '2026-10-01', done: '2026-09-30' });
  await published('Two', '2026-10-05T10:00:00Z', ['Tooling'], { due: '2026-10-20', done: '2026-10-25' });
  await published('Three', '2026-10-20T10:00:00Z', ['Tooling', 'Monitoring & detection'], { due: '2020-01-01' });
  // Open and not due for years: neither on time nor late, so it does not lower the share.
  await published('Four', '2026-10-22T10:00:00Z', [], { due: '2099-01-01' });
  // Never published: its factor and its overdue action count nowhere, even when its facilitator key is presented.
  const draft = await published('Unpublished', '2026-10-12T10:00:00Z', ['Tooling', 'Draft-only bone'], { due: '2020-01-01' }, false);

  const { body } = await api(server, 'GET', '/api/learning', null);
  const keyed = await (await fetch(`${server.url}/api/learning`, { headers: { [FACILITATOR_KEYS_HEADER]: `${draft.id}:${draft.key}` } })).json();
  expect(keyed).toEqual(body);
  expect(body.months).toEqual(['2026-09', '2026-10']);
  expect(body.categories).toEqual([
    { name: 'Monitoring & detection', counts: [0, 1] },
    { name: 'Process', counts: [1, 0] },
    { name: 'Tooling', counts: [1, 2] },
  ]);
  expect(body.actions).toEqual({ total: 4, done: 2, doneOnTime: 1, dueOrDone: 3, overdue: 1 });
  expect(body.overdue.map((a: { postmortemTitle: string }) => a.postmortemTitle)).toEqual(['Three']);
});
