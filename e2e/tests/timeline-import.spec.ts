import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures/fixtures.ts';
import { BoardPage } from '../fixtures/board-page.ts';
import { linkParts, publishKeepingFlagged } from '../fixtures/seed.ts';

const SAMPLES = fileURLToPath(new URL('../../packages/timeline-import/samples/', import.meta.url));
const SLACK_FILES = [
  'slack-export/incident-checkout/2026-03-07.json',
  'slack-export/incident-checkout/2026-03-08.json',
  'slack-export/users.json',
].map((file) => SAMPLES + file);

test('a facilitator imports a Slack export through the preview; a participant sees it live, markers set, the report shows the times', async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(90_000);
  const contexts = await Promise.all(['America/New_York', 'Europe/Berlin'].map((timezoneId) => browser.newContext({ timezoneId, locale: 'en-GB' })));
  const [fionaPage, bobPage] = await Promise.all(contexts.map((c) => c.newPage()));
  const created = await (
    await fionaPage!.request.post(`${server.url}/api/postmortems`, {
      data: { title: 'Checkout pool exhaustion', incidentAt: '2026-03-08T04:30:00Z', summary: 'Checkout failed for most of an hour.' },
    })
  ).json();
  const fiona = new BoardPage(fionaPage!);
  const bob = new BoardPage(bobPage!);
  await fiona.join(created.facilitatorUrl, 'Fiona');
  await bob.join(created.participantUrl, 'Bob');
  // Participants cannot import: the API takes the facilitator's key.
  await expect(bob.page.getByRole('button', { name: 'Import…' })).toHaveCount(0);
  const typed = await fiona.addEvent('Bob Okafor: ack, looking. error rate on checkout is 12% & climbing');
  await fiona.time(typed).fill('2026-03-07T23:55');
  await fiona.time(typed).press('Enter');

  await fiona.page.getByRole('button', { name: 'Import…' }).click();
  const dialog = fiona.page.getByRole('dialog', { name: 'Import into the timeline' });
  // Text that is not an import says why, and nothing can be imported.
  await dialog.getByLabel('Or paste text').fill('hello\nworld');
  await expect(dialog.getByTestId('import-error')).toContainText('No line of this text starts with a time');
  await expect(dialog.getByRole('button', { name: /^Import \d+ event/ })).toBeDisabled();

  // Hostile text is text: in the preview and, imported, on everyone's timeline; nothing runs.
  const hostile = '2026-03-08T04:40:00Z <img src=x onerror="window.pwned=1"> <script>window.pwned=2</script>';
  await dialog.getByLabel('Or paste text').fill(hostile);
  await expect(dialog.getByTestId('import-row')).toContainText('<script>window.pwned=2</script>');
  await dialog.getByRole('button', { name: 'Import 1 event' }).click();
  await expect(dialog).toBeHidden();
  const hostileEvent = bob.events().nth(0);
  await expect(hostileEvent.locator('textarea[name="what"]')).toHaveValue('<img src=x onerror="window.pwned=1"> <script>window.pwned=2</script>');
  expect(await bob.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(await fiona.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await fiona.page.getByRole('button', { name: 'Import…' }).click();

  await dialog.getByLabel('Files').setInputFiles(SLACK_FILES);
  await expect(dialog.getByLabel('Format')).toHaveValue('slack');
  await expect(dialog.getByTestId('import-summary')).toHaveText('12 rows · 11 picked · 1 already on the timeline');
  const rows = dialog.getByTestId('import-row');
  await expect(rows.nth(0)).toContainText('2026-03-08 04:52:40');
  await expect(rows.nth(0)).toContainText('PagerDuty');
  await expect(rows.nth(3)).toContainText('↳ reply');
  await expect(rows.nth(1)).toContainText('already on the timeline');
  await expect(rows.nth(4)).toContainText('edited at 05:04 UTC');
  await dialog.getByLabel('Import row 11').uncheck();
  await dialog.getByLabel('Bob Okafor →').fill('the on-call engineer');
  await testInfo.attach('import-preview.png', { body: await fiona.page.screenshot(), contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Import 10 events' }).click();
  await expect(dialog).toBeHidden();
  await expect(fiona.page.getByRole('status').filter({ hasText: 'Imported 10 events' })).toBeVisible();

  // Bob sees them arrive, names written as roles.
  await expect(bob.events()).toHaveCount(12);
  const whats = (board: BoardPage) =>
    board.page.locator('textarea[name="what"]').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));
  const bobSees = await whats(bob);
  expect(bobSees).toContain('the on-call engineer: yes, roll back. @here we are rolling back checkout-api to 2.40');
  expect(bobSees.filter((what) => what.includes('Bob Okafor'))).toEqual(['Bob Okafor: ack, looking. error rate on checkout is 12% & climbing']);

  const ids = await fiona.events().evaluateAll((events) => events.map((e) => (e as HTMLElement).dataset.eventId!));
  const eventWith = async (text: string) => ids[(await whats(fiona)).findIndex((what) => what.includes(text))]!;
  const detected = await eventWith('Triggered #4821');
  const mitigated = await eventWith('rollback done');
  const resolved = await eventWith('Resolved #4821');
  await fiona.marker(detected).selectOption('detection');
  await fiona.marker(mitigated).selectOption('mitigation');
  await fiona.marker(resolved).selectOption('resolution');
  await expect(bob.marker(mitigated)).toHaveValue('mitigation');
  await expect(bob.marker(resolved)).toHaveValue('resolution');
  await testInfo.attach('bob-timeline.png', { body: await bob.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Published, the report measures from the incident's start (04:30 UTC) to each first marked event.
  const { facilitatorKey } = linkParts(created.participantUrl, created.facilitatorUrl);
  expect(await publishKeepingFlagged(server.url, created.id, facilitatorKey, 'quoted from the incident channel')).toBe(200);
  await bob.page.goto(`${server.url}/r/${created.id}`);
  const times = bob.page.getByTestId('response-times');
  await expect(times).toContainText('Time to detect 23 min');
  await expect(times).toContainText('Time to mitigate 50 min');
  await expect(times).toContainText('Time to resolve 2 h 36 min');
  await expect(bob.page.locator('.report-timeline li').filter({ hasText: 'Triggered #4821' }).locator('.marker')).toHaveText('detection');
  await testInfo.attach('report-times.png', { body: await bob.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await Promise.all(contexts.map((c) => c.close()));
});
