import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, addEvent, addFactor, createTheme, promoteFinding, readActions, readFishbone, reviewText, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER } from '@debrief/protocol';
import { api, connectPerson, createTestPostmortem, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A post-mortem of the 2017 database loss, with blame and names in several sections, notes revealed. */
async function databaseLoss() {
  const pm = await createTestPostmortem(server, 'Production database loss');
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await Promise.all([fiona.board.synced, fiona.notes.synced, fiona.findings.synced]);
  const notes: Record<string, string> = {};
  for (const text of [
    'Bob should have double-checked the hostname.',
    'db1 and db2 had near-identical prompts.',
    'Backups had silently failed for weeks.',
  ]) {
    notes[text] = (await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text })).body.id;
  }
  await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey);
  addEvent(fiona.board.doc, { at: '2017-01-31T23:00:00.000Z', what: "BOB's cleanup ran on db1", known: 'bob believed the shell was on db2' });
  const bone = readFishbone(fiona.board.doc).categories[0]!;
  addFactor(fiona.board.doc, { categoryId: bone.id, text: 'Prompts did not show the host (Bob asked for it)' });
  createTheme(fiona.board.doc, 'Host confusion', [notes['db1 and db2 had near-identical prompts.']!]);
  const root = promoteFinding(fiona.findings.doc, { type: 'root', statement: 'Restores were never tested' });
  const action = addAction(fiona.findings.doc, [root], 'Test restores every week with Bob');
  updateAction(fiona.findings.doc, action, { owner: 'Bob', due: '2017-03-01' });
  reviewText(fiona.findings.doc, 'lessons')?.insert(0, 'It was human error, plain and simple.');
  await fiona.received();
  return { pm, fiona, notes, blaming: notes['Bob should have double-checked the hostname.']! };
}

const publish = (pm: { id: string; facilitatorKey: string }, body?: unknown) =>
  api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey, body);
const names = [{ name: 'Bob', role: 'the on-call engineer' }];

it('refuses to publish while statements read as blame, listing each with its section, id, text and issues', async () => {
  const { pm, fiona, blaming } = await databaseLoss();
  const refused = await publish(pm, { replaceNames: names });
  expect(refused.status).toBe(409);
  expect(refused.body.error).toEqual({ code: 'blame_unresolved', message: expect.stringMatching(/^2 statements read as blame/) });
  expect(refused.body.statements.map((s: { section: string; id: string }) => [s.section, s.id])).toEqual([
    ['lessons', 'lessons'],
    ['observations', `note:${blaming}`],
  ]);
  // What would be published: names already replaced by roles.
  expect(refused.body.statements[1]).toMatchObject({
    text: 'the on-call engineer should have double-checked the hostname.',
    issues: [expect.objectContaining({ kind: 'counterfactual', message: expect.any(String), suggestion: expect.any(String) })],
  });
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).status).toBe(404);
  // A reason must be given to keep a statement.
  const noReason = await publish(pm, { keep: [{ id: 'lessons', reason: '  ' }] });
  expect([noReason.status, noReason.body.error.code]).toEqual([400, 'bad_request']);
  fiona.destroy();
});

it('publishes once each flagged statement is reworded, hidden or kept with a reason; the reason stays out of what readers get', async () => {
  const { pm, fiona, blaming } = await databaseLoss();
  // The note: hidden from the board and the report. The lessons: kept, with a reason.
  expect((await api(server, 'POST', `/api/postmortems/${pm.id}/moderation`, pm.facilitatorKey, { action: 'hide', noteIds: [blaming] })).body).toEqual(
    { moderated: 1 },
  );
  const first = await publish(pm, { replaceNames: names, keep: [{ id: 'lessons', reason: 'Quoted from the customer-facing statement' }] });
  expect(first.status).toBe(200);

  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(report.kept).toBeUndefined();
  expect(report.observations.map((o: { text: string }) => o.text).sort()).toEqual([
    'Backups had silently failed for weeks.',
    'db1 and db2 had near-identical prompts.',
  ]);
  const markdown = await (await fetch(`${server.url}/api/postmortems/${pm.id}/report.md`)).text();
  expect(markdown).not.toContain('customer\\-facing statement');
  const forFacilitator = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, pm.facilitatorKey)).body;
  expect(forFacilitator.kept).toEqual([
    { section: 'lessons', id: 'lessons', text: 'It was human error, plain and simple.', reason: 'Quoted from the customer-facing statement' },
  ]);
  expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, pm.participantKey)).body.kept).toBeUndefined();

  // The same words kept before stay kept in the next version; other words need a reason of their own.
  expect((await publish(pm, { replaceNames: names })).body.version).toBe(2);
  reviewText(fiona.findings.doc, 'lessons')?.insert(0, 'Again: ');
  await fiona.findings.received();
  expect((await publish(pm, { replaceNames: names })).body.statements.map((s: { id: string }) => s.id)).toEqual(['lessons']);

  // Reworded: nothing left to resolve.
  const lessons = reviewText(fiona.findings.doc, 'lessons')!;
  lessons.delete(0, lessons.length);
  lessons.insert(0, 'Test restores, not just backups.');
  await fiona.findings.received();
  expect((await publish(pm, { replaceNames: names })).body.version).toBe(3);
  fiona.destroy();
});

it('publishes a paraphrase in a note’s place, marked as such', async () => {
  const { pm, fiona, blaming } = await databaseLoss();
  await api(server, 'POST', `/api/postmortems/${pm.id}/moderation`, pm.facilitatorKey, {
    action: 'paraphrase',
    noteId: blaming,
    text: 'The two hostnames were easy to confuse.',
  });
  expect((await publish(pm, { replaceNames: names, keep: [{ id: 'lessons', reason: 'Quoted' }] })).status).toBe(200);
  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(report.observations).toContainEqual({ text: 'The two hostnames were easy to confuse.', theme: null, paraphrased: true });
  const markdown = await (await fetch(`${server.url}/api/postmortems/${pm.id}/report.md`)).text();
  expect(markdown).toContain('The two hostnames were easy to confuse. _(paraphrased by the facilitator)_');
  fiona.destroy();
});

it('replaces names with roles in every section and format: whole words, any case, possessives; the library finds roles, not names', async () => {
  const { pm, fiona, blaming } = await databaseLoss();
  await api(server, 'POST', `/api/postmortems/${pm.id}/moderation`, pm.facilitatorKey, { action: 'hide', noteIds: [blaming] });
  expect((await publish(pm, { replaceNames: names, keep: [{ id: 'lessons', reason: 'Quoted' }] })).status).toBe(200);
  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(report.timeline[0]).toMatchObject({
    what: "the on-call engineer's cleanup ran on db1",
    known: 'the on-call engineer believed the shell was on db2',
  });
  expect(report.contributingFactors.fishbone.categories[0].factors[0].text).toBe('Prompts did not show the host (the on-call engineer asked for it)');
  expect(report.correctiveActions[0]).toMatchObject({ what: 'Test restores every week with the on-call engineer', owner: 'the on-call engineer' });
  const markdown = await (await fetch(`${server.url}/api/postmortems/${pm.id}/report.md`)).text();
  for (const text of [JSON.stringify(report), markdown]) expect(text).not.toMatch(/\bbob\b/i);
  const search = async (q: string) =>
    (await api(server, 'GET', `/api/reports?q=${encodeURIComponent(q)}`, null)).body.items.map((i: { id: string }) => i.id);
  expect(await search('Bob')).not.toContain(pm.id);
  expect(await search('on-call engineer')).toContain(pm.id);
  fiona.destroy();
});

it('answers across post-mortems (actions, CSV, iCalendar, learning) carry the published words only, with the follow-up status live', async () => {
  const { pm, fiona, blaming } = await databaseLoss();
  await api(server, 'POST', `/api/postmortems/${pm.id}/moderation`, pm.facilitatorKey, { action: 'hide', noteIds: [blaming] });
  expect((await publish(pm, { replaceNames: names, keep: [{ id: 'lessons', reason: 'Quoted' }] })).status).toBe(200);
  // After publishing: a new action naming Bob, the title changed on the record's side, and a status update with a reason naming Bob.
  addAction(fiona.findings.doc, [], 'Bob writes the runbook (added after publishing)');
  const published = readActions(fiona.findings.doc).find((a) => a.what.startsWith('Test restores'))!;
  expect(
    (
      await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${published.id}`, pm.facilitatorKey, {
        status: 'wont_do',
        statusReason: 'Bob moved teams',
      })
    ).status,
  ).toBe(200);
  await fiona.findings.received();

  const json = (await api(server, 'GET', '/api/actions', null)).body.items.filter((i: { postmortemId: string }) => i.postmortemId === pm.id);
  expect(json).toEqual([
    expect.objectContaining({
      id: published.id,
      what: 'Test restores every week with the on-call engineer',
      owner: 'the on-call engineer',
      status: 'wont_do',
      statusReason: 'the on-call engineer moved teams',
    }),
  ]);
  for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics', '/api/learning']) {
    const text = await (await fetch(`${server.url}${path}`)).text();
    expect(text, path).not.toMatch(/\bbob\b/i);
    expect(text, path).not.toContain('added after publishing');
  }
  // The facilitator's own list is the live board, names and all.
  const own = await fetch(`${server.url}/api/actions`, { headers: { [FACILITATOR_KEYS_HEADER]: `${pm.id}:${pm.facilitatorKey}` } });
  expect(await own.text()).toContain('Bob writes the runbook (added after publishing)');

  // A republish that forgets the names still replaces them: a name replaced once stays replaced.
  const runbook = readActions(fiona.findings.doc).find((a) => a.what.startsWith('Bob writes'))!;
  updateAction(fiona.findings.doc, runbook.id, { owner: 'bob' });
  await fiona.findings.received();
  const second = await publish(pm, { keep: [{ id: 'lessons', reason: 'Quoted' }] });
  expect(second.status, JSON.stringify(second.body)).toBe(200);
  const report = (await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body;
  expect(JSON.stringify(report)).not.toMatch(/\bbob\b/i);
  expect(report.names).toBeUndefined();
  fiona.destroy();
});
