import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, updateAction } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER } from '@debrief/protocol';
import { api, connectPerson, createTestPostmortem, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A post-mortem with one finding and an action per due date given ('' for none), optionally published. */
async function withActions(title: string, dues: string[], publish: boolean) {
  const pm = await createTestPostmortem(server, title);
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await fiona.findings.synced;
  const finding = promoteFinding(fiona.findings.doc, { type: 'contributing', statement: `${title} finding`, category: `${title} category` });
  for (const [i, due] of dues.entries())
    updateAction(fiona.findings.doc, addAction(fiona.findings.doc, [finding], `${title} action ${i}`), { owner: 'Team', due });
  await fiona.received();
  if (publish) expect((await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey)).status).toBe(200);
  fiona.destroy();
  return pm;
}

/** Every page of `path`, following `next`, with the JSON field that holds the page's items. */
async function allPages(path: string, field: string, headers: Record<string, string> = {}) {
  const pages: { id?: string; what?: string }[][] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response: Response = await fetch(`${server.url}${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    pages.push(body[field] as { id?: string; what?: string }[]);
    cursor = body.next as string | null;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

it("pages the actions, the library and Learning's overdue actions; following `next` gives every item once, in order", async () => {
  const draft = await withActions('Draft', ['2020-01-05', '2099-03-01', '', '2020-01-01', '2099-01-01', '2098-01-01', '2020-02-01'], false);
  const keys = { [FACILITATOR_KEYS_HEADER]: `${draft.id}:${draft.facilitatorKey}` };
  const whole = (await (await fetch(`${server.url}/api/actions`, { headers: keys })).json()) as {
    items: { what: string; overdue: boolean }[];
    next: string | null;
  };
  expect(whole.items).toHaveLength(7);
  expect(whole.next).toBeNull();
  // Most urgent first: the overdue ones by due date, then the rest by due date, the undated last.
  expect(whole.items.map((a) => a.what)).toEqual([3, 0, 6, 5, 4, 1, 2].map((i) => `Draft action ${i}`));
  const pages = await allPages('/api/actions?limit=3', 'items', keys);
  expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
  expect(pages.flat()).toEqual(whole.items);

  for (const title of ['First', 'Second', 'Third']) await withActions(title, ['2020-03-01', '2020-04-01'], true);
  const library = await allPages('/api/reports?limit=2', 'items');
  expect(library.map((p) => p.length)).toEqual([2, 1]);
  // Newest first.
  expect(library.flat().map((item) => (item as { title: string }).title)).toEqual(['Third', 'Second', 'First']);
  expect((await api(server, 'GET', '/api/reports?q=second&limit=2', null)).body).toEqual({
    items: [expect.objectContaining({ title: 'Second' })],
    next: null,
  });

  const learning = await allPages('/api/learning?limit=4', 'overdue');
  expect(learning.map((p) => p.length)).toEqual([4, 2]);
  expect(new Set(learning.flat().map((a) => a.what)).size).toBe(6);
  const summary = (await api(server, 'GET', '/api/learning?limit=4', null)).body;
  // The counts cover every action, whatever the page.
  expect(summary.actions).toMatchObject({ total: 6, overdue: 6 });
  expect(summary.next).toEqual(expect.any(String));
});

it("refuses a page size out of bounds and a cursor it did not give, in the API's error shape", async () => {
  const paths = ['/api/actions', '/api/reports', '/api/learning'];
  for (const path of paths) {
    for (const query of [
      'limit=0',
      'limit=100000',
      'limit=ten',
      'limit=-1',
      'cursor=garbage',
      `cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
      `cursor=${'A'.repeat(5000)}`,
    ]) {
      const answer = await api(server, 'GET', `${path}?${query}`, null);
      expect([answer.status, answer.body.error.code], `${path}?${query}`).toEqual([400, 'bad_request']);
    }
  }
  // The largest page each allows is fine.
  for (const [path, max] of [
    ['/api/actions', 1000],
    ['/api/reports', 200],
    ['/api/learning', 200],
  ] as const) {
    expect((await api(server, 'GET', `${path}?limit=${max}`, null)).status, path).toBe(200);
    expect((await api(server, 'GET', `${path}?limit=${max + 1}`, null)).status, path).toBe(400);
  }
});
