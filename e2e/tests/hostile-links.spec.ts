import { actionsMap, addAction, addEvent, eventsMap, promoteFinding } from '@debrief/model';
import { writeDirectly } from '../fixtures/direct-writer.ts';
import { BoardPage } from '../fixtures/board-page.ts';
import { linkParts } from '../fixtures/seed.ts';
import { expect, test, watchCsp } from '../fixtures/fixtures.ts';

const SCRIPT_LINK = 'javascript:window.__pwned=1';

test('links written straight into the documents are rendered only when they are http(s): action cards, the report page and the Actions page', async ({
  page,
  server,
}) => {
  const violations = watchCsp(page.context());
  const dialogs: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  const created = await (await page.request.post(`${server.url}/api/postmortems`, { data: { title: 'Login outage' } })).json();
  const { origin, id, facilitatorKey } = linkParts(created.participantUrl, created.facilitatorUrl);
  await writeDirectly(origin, `${id}/findings`, facilitatorKey, (doc) => {
    const finding = promoteFinding(doc, { type: 'root', statement: 'Session tokens were not rotated' });
    // Set straight into each action's map: the model's own writers would not write a javascript: link.
    const set = (action: string, fields: Record<string, string>) =>
      Object.entries(fields).forEach(([k, v]) => actionsMap(doc).get(action)!.set(k, v));
    set(addAction(doc, [finding], 'Rotate tokens on deploy'), { owner: 'Identity team', due: '2099-03-01', trackerUrl: SCRIPT_LINK });
    set(addAction(doc, [finding], 'Alert on token age'), { owner: 'SRE', due: '2099-03-02', trackerUrl: 'https://tracker.example/T-2' });
  });
  await writeDirectly(origin, `${id}/board`, facilitatorKey, (doc) => {
    eventsMap(doc)
      .get(addEvent(doc, { at: '2026-11-01T14:02:00.000Z', what: 'Tokens expired' }))!
      .set('evidence', SCRIPT_LINK);
    addEvent(doc, { at: '2026-11-01T14:05:00.000Z', what: 'Alert fired', evidence: 'https://grafana.example/d/1' });
  });

  // A participant's action cards.
  const alice = new BoardPage(page);
  await alice.join(created.participantUrl, 'Alice');
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.getByTestId('action')).toHaveCount(2);
  await expect(page.getByTestId('action').getByRole('link', { name: 'tracker' })).toHaveCount(1);
  await expect(page.getByTestId('action').getByRole('link', { name: 'tracker' })).toHaveAttribute('href', 'https://tracker.example/T-2');

  // The published report.
  expect(
    (await page.request.post(`${server.url}/api/postmortems/${id}/publish`, { headers: { authorization: `Bearer ${facilitatorKey}` } })).status(),
  ).toBe(200);
  await page.goto(`${server.url}/r/${id}`);
  await expect(page.getByText('Tokens expired')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Evidence' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Evidence' })).toHaveAttribute('href', 'https://grafana.example/d/1');

  // The Actions page: the server sends no such link, and the page would not render one it got anyway.
  await page.route('**/api/actions', async (route) => {
    const body = await (await route.fetch()).json();
    for (const item of body.items) if (item.postmortemId === id) item.trackerUrl = item.trackerUrl || SCRIPT_LINK;
    await route.fulfill({ json: body });
  });
  await page.goto(`${server.url}/actions`);
  const rows = page.getByTestId('action-row').filter({ hasText: /Rotate tokens on deploy|Alert on token age/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole('link', { name: 'tracker' })).toHaveCount(1);
  await expect(rows.getByRole('link', { name: 'tracker' })).toHaveAttribute('href', 'https://tracker.example/T-2');

  await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(violations()).toEqual([]);
});
