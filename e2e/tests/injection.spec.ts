import { BoardPage, FishboneTab, noteBecomesRootCause } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

/** Script and markup in every field a person can write: it must come out as text everywhere, never run. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  '=HYPERLINK("http://evil.example","click")',
];
const tagged = (field: string, i: number) => `${field} ${PAYLOADS[i % PAYLOADS.length]}`;

test('script and markup typed into every field stay text on the board, the report, Markdown, CSV and iCalendar', async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })));
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const dialogs: string[] = [];
  for (const page of pages) page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  const [fionaPage, alicePage, readerPage] = pages as [(typeof pages)[0], (typeof pages)[0], (typeof pages)[0]];

  const created = await (
    await fionaPage.request.post(`${server.url}/api/postmortems`, { data: { title: tagged('Title', 0), summary: tagged('Summary', 1) } })
  ).json();
  const fiona = new BoardPage(fionaPage);
  const alice = new BoardPage(alicePage);
  await fiona.join(created.facilitatorUrl, 'Fiona <b>F</b>');
  await alice.join(created.participantUrl, tagged('Alice', 2));

  const event = await alice.addEvent(tagged('Event', 0));
  await alice.known(event).fill(tagged('Known', 1));
  const findings = await noteBecomesRootCause(alice.page, fiona.page, tagged('Note', 2));
  const fish = new FishboneTab(alice.page);
  await fish.open();
  await fish.addFactor('Safeguards & architecture', tagged('Factor', 3));
  await expect(fish.factor(tagged('Factor', 3))).toBeVisible();

  await findings.addRootCauseAction({ what: tagged('Action', 0), owner: tagged('Owner', 3), due: '2026-12-20' });
  await findings.writeImpact(tagged('Impact', 1));

  // On the live board, for both people.
  await expect(alice.page.getByTestId('incident-title')).toHaveText(tagged('Title', 0));
  await fiona.page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(fiona.what(event)).toHaveValue(tagged('Event', 0));
  await fiona.page.getByRole('tab', { name: /Observations/ }).click();
  await expect(fiona.page.getByTestId('sticky-note').first()).toContainText(tagged('Note', 2));
  await fiona.page.getByRole('tab', { name: /Findings/ }).click();
  await fiona.page.getByRole('button', { name: 'Publish report' }).click();

  // The published report, read without a key.
  await readerPage.goto(`${server.url}/r/${created.id}`);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(tagged('Title', 0));
  for (const text of [tagged('Summary', 1), tagged('Event', 0), tagged('Known', 1), tagged('Action', 0), tagged('Impact', 1)]) {
    await expect(readerPage.getByText(text, { exact: false }).first()).toBeVisible();
  }
  await readerPage.screenshot({ path: testInfo.outputPath('report-with-payloads.png'), fullPage: true });

  for (const page of pages) {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"], svg[onload], script:not([src])')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);

  // Exports: escaped for their format.
  const markdown = await (await readerPage.request.get(`${server.url}/api/postmortems/${created.id}/report.md`)).text();
  // Every "<" of user text is escaped, so no renderer turns it into a tag (the only unescaped ones open our autolinks).
  expect(markdown).not.toMatch(/(^|[^\\])<(?!https?:)/m);
  expect(markdown).toContain('\\<script>');
  const csv = await (await readerPage.request.get(`${server.url}/api/actions.csv`)).text();
  const ownerCell = csv.split('\n').find((line) => line.includes('Owner '))!;
  expect(ownerCell).toContain('Owner =HYPERLINK');
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  const ics = await (await readerPage.request.get(`${server.url}/api/actions.ics`)).text();
  expect(ics).toContain('SUMMARY:Action <img src=x onerror="window.__pwned=1">');
  expect(ics).not.toMatch(/\r\n(?!\s)[^A-Z\r\n]/);
  await Promise.all(contexts.map((c) => c.close()));
});
