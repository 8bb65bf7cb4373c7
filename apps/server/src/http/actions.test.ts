import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, readActions, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER, formatFacilitatorKeys } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
let logged = '';
beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
  server = await startTestServer({ logStream });
});
afterAll(() => server.stop());

/** GET with `X-Debrief-Keys` made of the given `{ [postmortemId]: key }` (no header when null). */
async function get(path: string, keys: Record<string, string> | string | null = null) {
  const header = typeof keys === 'string' ? keys : keys && formatFacilitatorKeys(keys);
  const response = await fetch(`${server.url}${path}`, { headers: header === null ? {} : { [FACILITATOR_KEYS_HEADER]: header } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
const listed = async (keys: Record<string, string> | null = null) =>
  (JSON.parse((await get('/api/actions', keys)).text) as { items: { postmortemId: string; what: string; published: boolean }[] }).items;

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

  // Not published: only its facilitator's keys show it.
  const mine = { [pm.id]: pm.facilitatorKey };
  await eventually(async () => expect((await listed(mine)).filter((a) => a.postmortemId === pm.id)).toHaveLength(3));
  const body = JSON.parse((await get('/api/actions', mine)).text);
  expect(body.items[0]).toMatchObject({
    id: late,
    postmortemTitle: 'Search outage',
    overdue: true,
    committed: true,
    published: false,
    findings: ['No owner for shared jobs'],
  });
  expect(body.items.find((a: { id: string }) => a.id === later)).toMatchObject({ overdue: false, committed: true });
  expect(body.items.at(-1)).toMatchObject({ what: 'Uncommitted idea', committed: false });

  const csv = (await get('/api/actions.csv', mine)).text;
  expect(csv.split('\r\n')[0]).toBe(
    'Post-mortem,Action,Owner,Due,Status,Reason,Priority,Kind,Overdue,Committed,Findings,Tracker,Progress,Progress on',
  );
  expect(csv).toContain('Search outage,Add a maintenance calendar,Platform team,2020-01-31,Open,,high,prevent,yes,yes');
  expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
  const ics = (await get('/api/actions.ics', mine)).text;
  expect(ics).toContain('DTSTART;VALUE=DATE:20200131');
  expect(ics).not.toContain('Uncommitted idea');
  // Downloads honour the Actions page's filters; a malformed filter is a clear 400.
  const sreOnly = (await get('/api/actions.csv?owner=SRE', mine)).text;
  expect([sreOnly.includes('=cmd'), sreOnly.includes('Add a maintenance calendar')]).toEqual([true, false]);
  const overdueOnly = (await get('/api/actions.ics?overdue=1', mine)).text;
  expect([overdueOnly.includes('DTSTART;VALUE=DATE:20200131'), overdueOnly.includes('20990601')]).toEqual([true, false]);
  expect((await get('/api/actions.csv?status=done', mine)).text.split('\r\n').filter(Boolean)).toHaveLength(1);
  const bad = await get('/api/actions.csv?status=finished', mine);
  expect([bad.status, JSON.parse(bad.text).error.message]).toEqual([400, expect.stringContaining('status must be one of')]);

  const asParticipant = await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.participantKey, { status: 'done' });
  expect([asParticipant.status, asParticipant.body.error.code]).toEqual([403, 'facilitator_only']);
  expect((await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.facilitatorKey, { status: 'finished' })).status).toBe(400);
  expect((await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/zzzzzzzzzzzzzzzz`, pm.facilitatorKey, { status: 'done' })).status).toBe(404);
  const done = await api(server, 'PATCH', `/api/postmortems/${pm.id}/actions/${late}`, pm.facilitatorKey, {
    status: 'wont_do',
    statusReason: 'Replaced by a scheduler',
  });
  expect(done.status).toBe(200);
  await eventually(() =>
    expect(readActions(fiona.findings.doc).find((a) => a.id === late)).toMatchObject({ status: 'wont_do', statusReason: 'Replaced by a scheduler' }),
  );
  expect((await listed(mine)).find((a) => (a as { id?: string }).id === late)).toMatchObject({ overdue: false });
  fiona.destroy();
});

it('lists unpublished post-mortems only to the holder of their facilitator key, in JSON, CSV and iCalendar, and never logs a key', async () => {
  const draft = await createTestPostmortem(server, 'Draft queue outage');
  const other = await createTestPostmortem(server, 'Unrelated draft');
  const shipped = await createTestPostmortem(server, 'Published cache outage');
  for (const [pm, what] of [
    [draft, 'Page the queue owner on backlog'],
    [shipped, 'Warm the cache before deploys'],
  ] as const) {
    const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
    await fiona.findings.synced;
    const finding = promoteFinding(fiona.findings.doc, { type: 'contributing', statement: `${what}: finding`, category: 'Monitoring & detection' });
    const action = addAction(fiona.findings.doc, [finding], what);
    updateAction(fiona.findings.doc, action, { owner: 'Queue team', due: '2099-01-10' });
    await eventually(async () => expect((await listed({ [pm.id]: pm.facilitatorKey })).some((a) => a.what === what)).toBe(true));
    fiona.destroy();
  }
  expect((await api(server, 'POST', `/api/postmortems/${shipped.id}/publish`, shipped.facilitatorKey)).status).toBe(200);
  // A published one says so (the Actions page links its title to the report); a draft does not.
  const afterPublish = await listed({ [draft.id]: draft.facilitatorKey });
  const publishedOf = (id: string) => afterPublish.filter((a) => a.postmortemId === id).map((a) => a.published);
  expect(publishedOf(shipped.id)).toEqual([true]);
  expect(publishedOf(draft.id)).toEqual([false]);
  // Its calendar event links back to the report.
  expect((await get('/api/actions.ics', null)).text).toContain(`URL:${server.url}/r/${shipped.id}`);

  const wrongKey = 'W'.repeat(43);
  const hidden = 'Page the queue owner on backlog';
  const visible = 'Warm the cache before deploys';
  const refusedKeys: [string, Record<string, string> | null][] = [
    ['no key', null],
    ['its participant key', { [draft.id]: draft.participantKey }],
    ['a wrong key', { [draft.id]: wrongKey }],
    ["another post-mortem's facilitator key", { [other.id]: other.facilitatorKey }],
    ["its facilitator key under another post-mortem's id", { [other.id]: draft.facilitatorKey }],
  ];
  for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics']) {
    for (const [who, keys] of refusedKeys) {
      const answer = await get(path, keys);
      expect(answer.status, `${path} with ${who}`).toBe(200);
      expect(answer.text, `${path} with ${who}`).toContain(visible); // published: there for everyone
      for (const secret of [hidden, 'Draft queue outage', `${hidden}: finding`]) expect(answer.text, `${path} with ${who}`).not.toContain(secret);
    }
    const opened = await get(path, { [other.id]: other.participantKey, [draft.id]: draft.facilitatorKey });
    expect(opened.status, path).toBe(200);
    for (const shown of [visible, hidden, 'Draft queue outage']) expect(opened.text, path).toContain(shown);
    expect(opened.text, path).not.toContain('Unrelated draft');
    expect(opened.headers.get('cache-control'), path).toBe('private, no-store');
    expect(opened.headers.get('vary')?.toLowerCase(), path).toContain(FACILITATOR_KEYS_HEADER);
  }
  // The findings the draft's actions belong to come with them only when its key is presented.
  expect((await get('/api/actions.csv', { [draft.id]: draft.facilitatorKey })).text).toContain(`${hidden}: finding`);

  // A malformed header is a 400 in the API's error shape (and never echoes what was sent).
  const tooMany = Array.from({ length: 101 }, () => `${draft.id}:${draft.facilitatorKey}`).join(',');
  for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics']) {
    for (const header of [`${draft.id}=${draft.facilitatorKey}`, `${draft.id}:${draft.facilitatorKey}:x`, 'garbage', tooMany]) {
      const answer = await get(path, header);
      expect(answer.status, path).toBe(400);
      const error = JSON.parse(answer.text);
      expect(error).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('x-debrief-keys') } });
      expect(answer.text).not.toContain(draft.facilitatorKey);
    }
  }

  // Keys travel in a header, which the server never logs.
  expect(logged).toContain('/api/actions');
  for (const key of [draft.facilitatorKey, draft.participantKey, other.facilitatorKey, other.participantKey, wrongKey])
    expect(logged).not.toContain(key);
});

it('answers every list across post-mortems from the indexes: no document, report or record is read to answer', async () => {
  const calls: string[] = [];
  // Every storage call a request makes, by name.
  const counting = (storage: Storage): Storage =>
    new Proxy(storage, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(property));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const own = await startTestServer({ wrapStorage: counting });
  try {
    const made = [];
    for (const [title, publish] of [
      ['Indexed published outage', true],
      ['Indexed draft outage', false],
    ] as const) {
      const pm = await createTestPostmortem(own, title);
      const fiona = connectPerson(own, pm.id, pm.facilitatorKey, 'Fiona');
      await fiona.findings.synced;
      const finding = promoteFinding(fiona.findings.doc, { type: 'contributing', statement: `${title}: finding`, category: 'Tooling' });
      updateAction(fiona.findings.doc, addAction(fiona.findings.doc, [finding], `${title}: action`), { owner: 'SRE', due: '2020-03-01' });
      await fiona.received();
      if (publish) expect((await api(own, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey)).status).toBe(200);
      fiona.destroy();
      made.push(pm);
    }
    // Nothing open any more: every answer below comes from storage.
    await own.restart();
    calls.length = 0;
    const draft = made[1]!;
    const keys = { [FACILITATOR_KEYS_HEADER]: `${draft.id}:${draft.facilitatorKey}` };
    for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics', '/api/learning', '/api/reports', '/api/reports?q=indexed']) {
      const answer = await (await fetch(`${own.url}${path}`, { headers: keys })).text();
      expect(answer, path).toContain('Indexed published outage');
    }
    expect(await (await fetch(`${own.url}/api/actions`, { headers: keys })).text()).toContain('Indexed draft outage: action');
    expect([...new Set(calls)].sort()).toEqual(['listActionsIndex', 'listReportIndex']);
  } finally {
    await own.stop();
  }
});
