import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER } from '@debrief/protocol';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A post-mortem with a contributing-factor finding and a committed, overdue action, each naming `word`. */
async function postmortemWith(word: string) {
  const pm = await createTestPostmortem(server, `${word} title`);
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await fiona.findings.synced;
  const finding = promoteFinding(fiona.findings.doc, { type: 'contributing', statement: `${word} statement`, category: `${word} category` });
  const action = addAction(fiona.findings.doc, [finding], `${word} action`);
  updateAction(fiona.findings.doc, action, { owner: `${word} owner`, due: '2020-02-02' });
  const header = { [FACILITATOR_KEYS_HEADER]: `${pm.id}:${pm.facilitatorKey}` };
  await eventually(async () => expect(await (await fetch(`${server.url}/api/actions`, { headers: header })).text()).toContain(`${word} action`));
  return { ...pm, fiona };
}

it('an unpublished post-mortem appears in no answer across post-mortems without its key: actions, CSV, iCalendar, learning, library, report', async () => {
  const shown = await postmortemWith('Publicword');
  expect((await api(server, 'POST', `/api/postmortems/${shown.id}/publish`, shown.facilitatorKey)).status).toBe(200);
  const draft = await postmortemWith('Draftword');

  const keyless = [
    '/api/actions',
    '/api/actions.csv',
    '/api/actions.ics',
    '/api/learning',
    '/api/reports',
    '/api/reports?q=draftword',
    '/api/reports?category=Draftword+category',
  ];
  for (const path of keyless) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toContain('Draftword');
    expect(text, path).not.toContain(draft.id);
  }
  // The same answers do show the published one, so the check above is not vacuous.
  for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics', '/api/learning', '/api/reports', '/api/reports?q=publicword']) {
    expect(await (await fetch(`${server.url}${path}`)).text(), path).toContain('Publicword');
  }

  // Its report, in either form, does not exist for anyone until it is published.
  for (const path of [
    `/api/postmortems/${draft.id}/report`,
    `/api/postmortems/${draft.id}/report.md`,
    `/api/postmortems/${draft.id}/report?version=1`,
  ]) {
    const answer = await api(server, 'GET', path, null);
    expect([answer.status, answer.body.error.code], path).toEqual([404, 'not_found']);
    expect(JSON.stringify(answer.body), path).not.toContain('Draftword');
  }
  expect((await api(server, 'GET', `/api/postmortems/${draft.id}`, null)).status).toBe(401);

  // Learning and the library are about what was published: presenting the facilitator key adds nothing there.
  const withKey = { headers: { [FACILITATOR_KEYS_HEADER]: `${draft.id}:${draft.facilitatorKey}` } };
  for (const path of ['/api/learning', '/api/reports', '/api/reports?q=draftword']) {
    expect(await (await fetch(`${server.url}${path}`, withKey)).text(), path).not.toContain('Draftword');
  }
  // Only the Actions answers take it.
  expect(await (await fetch(`${server.url}/api/actions`, withKey)).text()).toContain('Draftword action');

  // The same holds when nobody has the draft open (read from storage rather than the live document).
  draft.fiona.destroy();
  shown.fiona.destroy();
  await server.restart();
  for (const path of keyless) expect(await (await fetch(`${server.url}${path}`)).text(), path).not.toContain('Draftword');
  expect(await (await fetch(`${server.url}/api/actions.csv`, withKey)).text()).toContain('Draftword action');
});
