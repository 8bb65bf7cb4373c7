import { readFile } from 'node:fs/promises';
import { BoardPage, FishboneTab, noteBecomesRootCause } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

const XSS = '<img src=x onerror=alert(1)>';

test('a session is published, read by a third browser with no key, printed to PDF, and found in the library', async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })));
  const [fionaPage, alicePage, readerPage] = await Promise.all(contexts.map((c) => c.newPage()));
  const dialogs: string[] = [];
  for (const page of [fionaPage!, alicePage!, readerPage!]) page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));

  const created = await (
    await fionaPage!.request.post(`${server.url}/api/postmortems`, {
      data: { title: `Payments outage ${XSS}`, incidentAt: '2026-11-03T09:00:00Z', summary: 'Card payments failed for 25 minutes.' },
    })
  ).json();
  const fiona = new BoardPage(fionaPage!);
  const alice = new BoardPage(alicePage!);
  await fiona.join(created.facilitatorUrl, 'Fiona');
  await alice.join(created.participantUrl, 'Alice');
  await expect(alice.page.getByTestId('incident-title')).toHaveText(`Payments outage ${XSS}`);

  await alice.addEvent(`Gateway timeout alarm ${XSS}`);
  const findings = await noteBecomesRootCause(alice.page, fiona.page, 'Gateway timeouts were set to 60 seconds by default.');
  const fish = new FishboneTab(alice.page);
  await fish.open();
  await fish.addFactor('Safeguards & architecture', 'No circuit breaker on the gateway client');

  await findings.addRootCauseAction({ what: 'Add a circuit breaker to the gateway client', owner: 'Payments team', due: '2026-12-20' });
  await findings.writeImpact('About 4,000 card payments failed.');
  await expect(fiona.page.getByTestId('publish-checklist')).toContainText('Empty sections: Proximate cause');
  await fiona.page.getByRole('button', { name: 'Publish report' }).click();
  const reportUrl = await fiona.page.getByTestId('report-link').getAttribute('href');
  expect(reportUrl).toBe(`${server.url}/r/${created.id}`);

  // A reader with no key and no history.
  await readerPage!.goto(reportUrl!);
  await expect(readerPage!.getByRole('heading', { level: 1 })).toHaveText(`Payments outage ${XSS}`);
  for (const heading of [
    'Summary',
    'Impact',
    'Timeline',
    'Contributing factors',
    'Proximate cause',
    'Root causes',
    'What went well',
    'Where we got lucky',
    'Corrective actions',
    'Lessons learned',
  ]) {
    await expect(readerPage!.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(readerPage!.getByText(`Gateway timeout alarm ${XSS}`)).toBeVisible();
  await expect(readerPage!.getByText('No proximate cause was recorded.')).toBeVisible();
  await expect(readerPage!.getByRole('cell', { name: 'Payments team' })).toBeVisible();
  await expect(readerPage!.getByRole('img', { name: /^Fishbone diagram/ })).toBeVisible();
  await expect(readerPage!.locator('img[src="x"]')).toHaveCount(0);
  await readerPage!.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });

  // Print: the PDF is produced; its first page (print media) is kept to look at.
  await readerPage!.emulateMedia({ media: 'print' });
  await readerPage!.screenshot({ path: testInfo.outputPath('report-print-first-page.png') });
  const pdf = testInfo.outputPath('report.pdf');
  await readerPage!.pdf({ path: pdf, format: 'A4' });
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  await readerPage!.emulateMedia({ media: 'screen' });

  const markdown = await (await readerPage!.request.get(`${server.url}/api/postmortems/${created.id}/report.md`)).text();
  expect(markdown).toContain('# Payments outage \\<img src=x onerror=alert\\(1\\)\\>');

  // The library finds it.
  await readerPage!.goto(`${server.url}/library`);
  await readerPage!.getByRole('searchbox', { name: 'Search' }).fill('circuit breaker');
  await readerPage!.getByRole('button', { name: 'Search' }).click();
  await expect(readerPage!.getByTestId('library-results').getByRole('link', { name: /Payments outage/ })).toBeVisible();
  await readerPage!.getByRole('searchbox', { name: 'Search' }).fill('kubernetes');
  await readerPage!.getByRole('button', { name: 'Search' }).click();
  await expect(readerPage!.getByText('No published post-mortems match.')).toBeVisible();

  expect(dialogs, 'no injected script ran').toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});
