import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, addEvent, addFactor, promoteFinding, readFishbone, reviewText, updateAction } from '@debrief/model';
import { REPORT_SECTIONS } from '@debrief/protocol';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const XSS = '<img src=x onerror=alert(1)>';

it('publishes versions readable without a key, as JSON and Markdown, finds them in the library, and deletes every trace', async () => {
  const pm = await createTestPostmortem(server, `Checkout outage ${XSS}`);
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await Promise.all([fiona.board.synced, fiona.findings.synced]);
  const deployed = addEvent(fiona.board.doc, { at: '2026-11-01T14:02:00.000Z', what: 'Config v42 deployed', marker: 'decision' });
  const bone = readFishbone(fiona.board.doc).categories[1]!;
  addFactor(fiona.board.doc, { categoryId: bone.id, text: 'Deploy tool hides the diff', evidence: { kind: 'event', id: deployed } });
  promoteFinding(fiona.findings.doc, { type: 'proximate', statement: 'Config v42 removed a pool setting' });
  const root = promoteFinding(fiona.findings.doc, { type: 'root', statement: 'Config changes ship without review', category: 'Process' });
  promoteFinding(fiona.findings.doc, { type: 'contributing', statement: 'Diffs are hidden', category: 'Tooling' });
  const action = addAction(fiona.findings.doc, [root], 'Require reviewed config diffs');
  updateAction(fiona.findings.doc, action, { owner: 'Platform team', due: '2026-12-15' });
  reviewText(fiona.findings.doc, 'impact')?.insert(0, '30% of checkouts failed for 40 minutes');

  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).status).toBe(404);
  const refused = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.participantKey);
  expect([refused.status, refused.body.error.code]).toEqual([403, 'facilitator_only']);

  await fiona.received();
  const first = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey);
  expect(first.body).toEqual({ version: 1, reportUrl: `${server.url}/r/${pm.id}` });

  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(report).toMatchObject({
    schema: 'debrief.report/4',
    version: 1,
    changes: null,
    title: `Checkout outage ${XSS}`,
    impact: '30% of checkouts failed for 40 minutes',
    proximateCauses: [{ statement: 'Config v42 removed a pool setting' }],
    rootCauses: [{ statement: 'Config changes ship without review', category: 'Process' }],
    correctiveActions: [
      expect.objectContaining({
        what: 'Require reviewed config diffs',
        owner: 'Platform team',
        committed: true,
        findings: ['Config changes ship without review'],
      }),
    ],
  });
  expect(report.timeline[0]).toMatchObject({ what: 'Config v42 deployed', marker: 'decision' });
  expect(report.contributingFactors.fishbone.categories[1].factors[0]).toEqual({
    text: 'Deploy tool hides the diff',
    cites: { kind: 'event', at: '2026-11-01T14:02:00.000Z', text: 'Config v42 deployed' },
    children: [],
  });
  expect(JSON.stringify(report)).not.toContain('Fiona');

  const markdown = await (await fetch(`${server.url}/api/postmortems/${pm.id}/report.md`)).text();
  for (const heading of REPORT_SECTIONS) expect(markdown).toContain(`## ${heading}`);
  expect(markdown).not.toMatch(/(^|[^\\])<(?!https?:)/m); // every < is escaped, but for our own autolinks
  expect(markdown).toContain('\\<img src=x onerror=alert(1)>');
  expect(markdown).toContain('- Deploy tool hides the diff (cites the event at 2026-11-01 14:02 UTC, “Config v42 deployed”)');
  expect(markdown).toContain('_No lessons were written._');
  expect(markdown).toContain('- Config changes ship without review (Process)');

  // A change and a second publish make version 2; version 1 stays readable.
  promoteFinding(fiona.findings.doc, { type: 'lucky', statement: 'It happened on a holiday' });
  await fiona.received();
  expect((await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey)).body.version).toBe(2);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body).toMatchObject({
    gotLucky: [{ statement: 'It happened on a holiday' }],
    changes: { since: 1, items: ['Where we got lucky: 1 added'] },
  });
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report?version=1`, null)).body.gotLucky).toEqual([]);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report?version=9`, null)).status).toBe(404);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report?version=abc`, null)).status).toBe(400);

  // The library finds it by title, findings and category, and not by unrelated words.
  const search = async (query: string) => (await api(server, 'GET', `/api/reports?${query}`, null)).body.items.map((i: { id: string }) => i.id);
  expect(await search('q=checkout')).toContain(pm.id);
  expect(await search('q=ship+without+review')).toContain(pm.id);
  expect(await search('category=Tooling')).toContain(pm.id);
  // A root cause's category counts too.
  expect(await search('category=Process')).toContain(pm.id);
  expect(await search('q=kubernetes')).not.toContain(pm.id);
  // The timeline is searched too, and each result shows where the first word was found, as written.
  const found = (await api(server, 'GET', '/api/reports?q=DEPLOYED', null)).body.items.find((i: { id: string }) => i.id === pm.id);
  expect(found?.snippet).toBe('Config v42 deployed');
  expect((await api(server, 'GET', '/api/reports', null)).body.items.find((i: { id: string }) => i.id === pm.id)?.snippet).toBeNull();
  expect(await search('to=2020-01-01')).not.toContain(pm.id); // no incident date: the publish date counts
  expect((await api(server, 'GET', '/api/reports?from=yesterday', null)).status).toBe(400);

  // Delete: facilitator only; afterwards nothing is left in storage.
  expect((await api(server, 'DELETE', `/api/postmortems/${pm.id}`, pm.participantKey)).status).toBe(403);
  expect((await api(server, 'DELETE', `/api/postmortems/${pm.id}`, pm.facilitatorKey)).status).toBe(204);
  await eventually(async () => expect(await readdir(join(server.dataDir, 'postmortems'))).not.toContain(`${pm.id}.json`));
  // Fiona's open board is closed, and her reconnect is refused.
  await eventually(() => expect(fiona.board.refused).toBe('deleted'), 10_000);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).status).toBe(404);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}`, pm.facilitatorKey)).status).toBe(410);
  expect(await search('q=checkout')).not.toContain(pm.id);
  await new Promise((r) => setTimeout(r, 2500)); // past the save debounce: nothing may write the file back
  expect(await readdir(join(server.dataDir, 'postmortems'))).not.toContain(`${pm.id}.json`);
  fiona.destroy();
});

it('replaces names with roles in the published timeline when the facilitator asks, and refuses a bad request', async () => {
  const pm = await (
    await fetch(`${server.url}/api/postmortems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Names' }),
    })
  ).json();
  const key = new URL(pm.facilitatorUrl).hash.slice(3);
  const fiona = connectPerson(server, pm.id, key, 'Fiona');
  await fiona.board.synced;
  addEvent(fiona.board.doc, { at: '2026-11-01T14:02:00.000Z', what: 'Dave rolled back the deploy', known: 'Dave saw the error rate rise' });
  await fiona.received();
  const bad = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, key, { replaceNames: [{ name: '', role: 'x' }] });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_request']);
  await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, key, { replaceNames: [{ name: 'Dave', role: 'the on-call engineer' }] });
  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(report.timeline[0]).toMatchObject({
    what: 'the on-call engineer rolled back the deploy',
    known: 'the on-call engineer saw the error rate rise',
  });
  expect(JSON.stringify(report)).not.toContain('Dave');
  fiona.destroy();
});
