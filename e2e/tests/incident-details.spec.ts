import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext } from '@playwright/test';
import { promoteFinding } from '@debrief/model';
import { expect, test } from '../fixtures/fixtures.ts';
import { BoardPage } from '../fixtures/board-page.ts';
import { writeDirectly } from '../fixtures/direct-writer.ts';
import { linkParts, publishKeepingFlagged } from '../fixtures/seed.ts';

const PAGERDUTY = readFileSync(fileURLToPath(new URL('../../packages/timeline-import/samples/pagerduty-log-entries.json', import.meta.url)), 'utf8');

/** A post-mortem made through the API, with a finding in a category (facilitator's document) and its keys. */
async function postmortem(request: APIRequestContext, origin: string, title: string, incidentAt: string) {
  const created = await (await request.post(`${origin}/api/postmortems`, { data: { title, incidentAt } })).json();
  const parts = linkParts(created.participantUrl, created.facilitatorUrl);
  await writeDirectly(origin, `${parts.id}/findings`, parts.facilitatorKey, (doc) => {
    promoteFinding(doc, { type: 'contributing', statement: 'A release changed the connection pool size', category: 'Change management' });
  });
  const facilitator = { authorization: `Bearer ${parts.facilitatorKey}` };
  return {
    ...created,
    ...parts,
    importPagerDuty: () =>
      request.post(`${origin}/api/postmortems/${parts.id}/timeline/import`, {
        headers: facilitator,
        data: { format: 'pagerduty', content: PAGERDUTY },
      }),
    async publish() {
      expect(await publishKeepingFlagged(origin, parts.id, parts.facilitatorKey, 'quoted from the pager log')).toBe(200);
    },
  };
}

test('incident details set on the board reach everyone, the library filters by them, similar and recurring incidents are found, and Learning charts response times', async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([0, 1].map(() => browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })));
  const [fionaPage, bobPage] = await Promise.all(contexts.map((c) => c.newPage()));
  const fiona = new BoardPage(fionaPage!);
  const bob = new BoardPage(bobPage!);

  const march = await postmortem(fionaPage!.request, server.url, 'Checkout pool exhaustion', '2026-03-08T04:30:00Z');
  expect((await march.importPagerDuty()).status()).toBe(200);
  await fiona.join(march.facilitatorUrl, 'Fiona');
  await bob.join(march.participantUrl, 'Bob');

  await fiona.page.getByRole('button', { name: 'Add severity, services, teams…' }).click();
  const form = fiona.page.getByTestId('incident-details-form');
  await form.getByLabel('Severity').selectOption('SEV2');
  await form.getByLabel('Customer impact (minutes)').fill('45');
  await form.getByLabel('Customer impact (minutes)').press('Tab');
  await form.getByRole('textbox', { name: 'Services affected' }).fill('checkout-api');
  await form.getByRole('textbox', { name: 'Services affected' }).press('Enter');
  await form.getByRole('textbox', { name: 'Services affected' }).fill('payments-db');
  await form.getByRole('textbox', { name: 'Services affected' }).press('Enter');
  await form.getByRole('textbox', { name: 'Services affected' }).fill('Checkout-API');
  await form.getByRole('textbox', { name: 'Services affected' }).press('Enter');
  await expect(form.getByRole('status')).toHaveText('Checkout-API is already listed.');
  await form.getByRole('textbox', { name: 'Teams involved' }).fill('Payments');
  await form.getByRole('textbox', { name: 'Teams involved' }).press('Enter');
  const bobSees = bob.page.getByTestId('incident-details');
  await expect(bobSees).toContainText('SEV2');
  await expect(bobSees).toContainText('Services checkout-api, payments-db');
  await expect(bobSees).toContainText('Teams Payments');
  await expect(bobSees).toContainText('Customer impact 45 min');
  await form.getByRole('button', { name: 'Remove payments-db' }).click();
  await expect(bobSees).toContainText('Services checkout-api');
  await expect(bobSees).not.toContainText('payments-db');
  await testInfo.attach('details-on-the-board.png', { body: await fiona.page.screenshot(), contentType: 'image/png' });
  await march.publish();

  // A later incident on the same service: its board shows the March one as similar once the service is named.
  const april = await postmortem(fionaPage!.request, server.url, 'Checkout slow after pool change', '2026-04-20T09:00:00Z');
  await bob.join(april.participantUrl, 'Bob');
  // Offered, not pushed onto the board: a button says how many, the list opens on request.
  const similarButton = bob.page.getByRole('button', { name: /^\d+ similar past incidents?$/ });
  await expect(similarButton).toHaveText('1 similar past incident');
  await expect(bob.page.getByTestId('similar-incidents')).toHaveCount(0);
  await similarButton.click();
  await expect(bob.page.getByTestId('similar-incidents')).toContainText('Checkout pool exhaustion');
  await bob.page.getByRole('button', { name: 'Add severity, services, teams…' }).click();
  await bob.page.getByRole('textbox', { name: 'Services affected' }).fill('Checkout-API');
  await bob.page.getByRole('textbox', { name: 'Services affected' }).press('Enter');
  await expect(bob.page.getByTestId('similar-incidents').getByRole('listitem')).toHaveText(
    /Checkout pool exhaustion.*shares checkout-api, Change management/,
  );
  await testInfo.attach('similar-incidents.png', { body: await bob.page.screenshot(), contentType: 'image/png' });
  await april.publish();

  // The library, filtered as a reader would.
  await bob.page.goto(`${server.url}/library`);
  await bob.page.getByLabel('Service').fill('checkout-api');
  await bob.page.getByLabel('Severity').selectOption('SEV2');
  await bob.page.getByRole('button', { name: 'Search' }).click();
  const results = bob.page.getByTestId('library-results').getByRole('listitem');
  await expect(results).toHaveCount(1);
  await expect(results).toContainText('Checkout pool exhaustion');
  await expect(results).toContainText('SEV2 · checkout-api · Payments');
  await bob.page.getByLabel('Severity').selectOption('');
  await bob.page.getByRole('button', { name: 'Search' }).click();
  await expect(results).toHaveCount(2);
  await bob.page.getByLabel('Team').fill('Nobody');
  await bob.page.getByRole('button', { name: 'Search' }).click();
  await expect(bob.page.getByText('No published post-mortems match.')).toBeVisible();

  // Learning: medians per quarter from the pager's trigger and resolve, and the recurrence within 90 days.
  await bob.page.goto(`${server.url}/learning`);
  const table = bob.page.getByTestId('response-table');
  await expect(table.getByRole('row', { name: /2026-Q1/ })).toHaveText(/2026-Q1\s*23 min\s*not marked\s*2 h 36 min/);
  await expect(bob.page.getByTestId('response-chart')).toBeVisible();
  const recurring = bob.page.getByTestId('recurring');
  await expect(recurring).toContainText('checkout-api · Change management · 2 incidents');
  await expect(recurring.getByRole('link')).toHaveText(['Checkout pool exhaustion', 'Checkout slow after pool change']);
  await testInfo.attach('learning.png', { body: await bob.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await Promise.all(contexts.map((c) => c.close()));
});
