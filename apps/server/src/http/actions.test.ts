import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, readActions, updateAction } from '@debrief/model';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('lists actions across post-mortems with overdue first, exports CSV and iCalendar, and lets only the facilitator follow up', async () => {
  const pm = await createTestPostmortem(server, 'Search outage');
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await fiona.findings.synced;
  const finding = promoteFinding(fiona.findings.doc, { type: 'root', statement: 'No owner for shared jobs' });
  const late = addAction(fiona.findings.doc, [finding], 'Add a maintenance calendar');
  updateAction(fiona.findings.doc, late, { owner: 'Platform team', due: '2020-01-31', priority: 'high' });
  const later = addAction(fiona.findings.doc, [finding], '=cmd|"/c calc"!A1');
  updateAction(fiona.findings.doc, later, { owner: 'SRE', due: '2099-06-01' });
  addAction(fiona.findings.doc, [], 'Uncommitted idea');

  await eventually(async () => {
    const list = (await api(server, 'GET', '/api/actions', null)).body;
    expect(list.items).toHaveLength(3);
  });
  const { body } = await api(server, 'GET', '/api/actions', null);
  expect(body.items[0]).toMatchObject({ id: late, postmortemTitle: 'Search outage', overdue: true, committed: true, findings: ['No owner for shared jobs'] });
  expect(body.items.find((a: { id: string }) => a.id === later)).toMatchObject({ overdue: false, committed: true });
  expect(body.items.at(-1)).toMatchObject({ what: 'Uncommitted idea', committed: false });

  const csv = await (await fetch(`${server.url}/api/actions.csv`)).text();
  expect(csv.split('\r\n')[0]).toBe('Post-mortem,Action,Owner,Due,Status,Reason,Priority,Kind,Overdue,Committed,Findings,Tracker');
  expect(csv).toContain('Search outage,Add a maintenance calendar,Platform team,2020-01-31,Open,,high,prevent,yes,yes');
  expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
  const ics = await (await fetch(`${server.url}/api/actions.ics`)).text();
  expect(ics).toContain('DTSTART;VALUE=DATE:20200131');
  expect(ics).not.toContain('Uncommitted idea');

  const asParticipant = await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.participantKey, { status: 'done' });
  expect([asParticipant.status, asParticipant.body.error.code]).toEqual([403, 'facilitator_only']);
  expect((await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.facilitatorKey, { status: 'finished' })).status).toBe(400);
  expect((await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/zzzzzzzzzzzzzzzz`, pm.facilitatorKey, { status: 'done' })).status).toBe(404);
  const done = await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.facilitatorKey, { status: 'wont_do', statusReason: 'Replaced by a scheduler' });
  expect(done.status).toBe(200);
  await eventually(() => expect(readActions(fiona.findings.doc).find((a) => a.id === late)).toMatchObject({ status: 'wont_do', statusReason: 'Replaced by a scheduler' }));
  expect((await api(server, 'GET', '/api/actions', null)).body.items.find((a: { id: string }) => a.id === late).overdue).toBe(false);
  fiona.destroy();
});
