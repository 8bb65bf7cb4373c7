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

  const alarm = await alice.addEvent(`Gateway timeout alarm ${XSS}`);
  await alice.evidence(alarm).fill('https://grafana.example/d/payments?from=now-1h');
  await alice.evidence(alarm).press('Tab');
  const findings = await noteBecomesRootCause(alice.page, fiona.page, 'Gateway timeouts were set to 60 seconds by default.');
  const fish = new FishboneTab(alice.page);
  await fish.open();
  await fish.addFactor('Safeguards & architecture', 'No circuit breaker on the gateway client');
  // A factor that cites the alarm: the report keeps the citation in every format.
  const evidence = alice.page.getByTestId('evidence-item').filter({ hasText: 'Gateway timeout alarm' });
  await evidence.getByRole('button', { name: /^Cite event/ }).click();
  await evidence.getByRole('combobox', { name: 'Bone to cite it on' }).selectOption({ label: 'Monitoring & detection' });

  await findings.addRootCauseAction({ what: 'Add a circuit breaker to the gateway client', owner: 'Payments team', due: '2026-12-20' });
  await findings.writeImpact('About 4,000 card payments failed.');
  await expect(fiona.page.getByTestId('publish-checklist')).toContainText('Empty sections: Proximate cause');
  await fiona.page.getByRole('button', { name: 'Publish report' }).click();
  const reportUrl = await fiona.page.getByTestId('report-link').getAttribute('href');
  expect(reportUrl).toBe(`${server.url}/r/${created.id}`);
  // The participants are told, with a link.
  await expect(alice.page.getByTestId('published-notice')).toContainText('Published (version 1): read the report');
  await expect(alice.page.getByTestId('published-notice').getByRole('link')).toHaveAttribute('href', `/r/${created.id}`);

  // A reader with no key and no history.
  await readerPage!.goto(reportUrl!);
  await expect(readerPage!.getByRole('heading', { level: 1 })).toHaveText(`Payments outage ${XSS}`);
  // The classic order: what happened, then its causes, then the rest.
  await expect(readerPage!.locator('article h2')).toHaveText([
    'Summary',
    'Impact',
    'Timeline',
    'Proximate cause',
    'Root causes',
    'Contributing factors',
    'What went well',
    'Where we got lucky',
    'Corrective actions',
    'Lessons learned',
    'Observations',
  ]);
  await expect(readerPage!.getByTestId('report-fishbone-factors')).toContainText('Cites the event at');
  await expect(readerPage!.getByTestId('report-fishbone-factors')).toContainText(`, “Gateway timeout alarm ${XSS}”`);
  await expect(readerPage!.getByText(`Gateway timeout alarm ${XSS}`, { exact: true })).toBeVisible();
  await expect(readerPage!.getByText('No proximate cause was recorded.')).toBeVisible();
  await expect(readerPage!.getByRole('cell', { name: 'Payments team' })).toBeVisible();
  await expect(readerPage!.getByRole('img', { name: /^Fishbone diagram/ })).toBeVisible();
  await expect(readerPage!.locator('img[src="x"]')).toHaveCount(0);
  await readerPage!.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });

  // Print: the PDF is produced; its first page (print media) is kept to look at.
  await readerPage!.emulateMedia({ media: 'print' });
  // On paper a link prints its address.
  const evidenceLink = readerPage!.getByRole('link', { name: 'Evidence' });
  expect(await evidenceLink.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" (https://grafana.example/d/payments?from=now-1h)"');
  // Printed pages have margins and say which page they are.
  const pageRule = await readerPage!.evaluate(
    () =>
      Array.from(document.styleSheets)
        .flatMap((sheet) => Array.from(sheet.cssRules))
        .find((rule) => rule instanceof CSSPageRule)?.cssText ?? '',
  );
  expect(pageRule).toContain('margin: 18mm 16mm 20mm');
  expect(pageRule).toContain('counter(page)');
  await readerPage!.screenshot({ path: testInfo.outputPath('report-print-first-page.png') });
  const pdf = testInfo.outputPath('report.pdf');
  await readerPage!.pdf({ path: pdf, format: 'A4' });
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  await readerPage!.emulateMedia({ media: 'screen' });

  const markdown = await (await readerPage!.request.get(`${server.url}/api/postmortems/${created.id}/report.md`)).text();
  expect(markdown).toContain('# Payments outage \\<img src=x onerror=alert(1)>');
  expect(markdown).toContain(`(cites the event at 2026-`);
  expect(markdown).toContain('  - Evidence: <https://grafana.example/d/payments?from=now-1h>');

  // A second version says what changed since the first.
  await findings.writeImpact(' Refunds took two days.');
  await fiona.page.getByRole('button', { name: 'Publish report' }).click();
  await readerPage!.goto(reportUrl!);
  await expect(readerPage!.getByTestId('report-changes')).toContainText('What changed since version 1');
  await expect(readerPage!.getByTestId('report-changes')).toContainText('Impact reworded');

  // The library finds it.
  await readerPage!.goto(`${server.url}/library`);
  await readerPage!.getByRole('searchbox', { name: 'Search' }).fill('circuit breaker');
  await readerPage!.getByRole('button', { name: 'Search' }).click();
  await expect(readerPage!.getByTestId('library-results').getByRole('link', { name: /Payments outage/ })).toBeVisible();
  // Where it matched, the words marked; the search is in the address, so a reload (or a shared link) keeps it.
  await expect(readerPage!.getByTestId('library-snippet').locator('mark').first()).toHaveText('circuit');
  expect(new URL(readerPage!.url()).searchParams.get('q')).toBe('circuit breaker');
  await readerPage!.reload();
  await expect(readerPage!.getByRole('searchbox', { name: 'Search' })).toHaveValue('circuit breaker');
  await expect(readerPage!.getByTestId('library-snippet')).toContainText('Add a circuit breaker to the gateway client');
  // The timeline is searched too.
  await readerPage!.getByRole('searchbox', { name: 'Search' }).fill('alarm');
  await readerPage!.getByRole('button', { name: 'Search' }).click();
  await expect(readerPage!.getByTestId('library-snippet')).toContainText(`Gateway timeout alarm ${XSS}`);
  await readerPage!.getByRole('searchbox', { name: 'Search' }).fill('kubernetes');
  await readerPage!.getByRole('button', { name: 'Search' }).click();
  await expect(readerPage!.getByText('No published post-mortems match.')).toBeVisible();

  // The site's navigation is on every page; /actions links each action's post-mortem to its report.
  await readerPage!.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Corrective actions' }).click();
  await expect(readerPage!).toHaveURL(`${server.url}/actions`);
  const row = readerPage!.getByTestId('action-row').filter({ hasText: 'Add a circuit breaker to the gateway client' });
  await row.getByRole('link', { name: `Payments outage ${XSS}` }).click();
  await expect(readerPage!).toHaveURL(reportUrl!);

  expect(dialogs, 'no injected script ran').toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});
