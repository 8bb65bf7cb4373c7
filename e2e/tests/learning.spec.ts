import { BoardPage, FishboneTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('the Learning page charts factor categories after three published post-mortems', async ({ page, server }, testInfo) => {
  test.setTimeout(150_000);
  const incidents = [
    ['Cache stampede', '2026-08-12T10:00:00Z', 'Tooling'],
    ['Queue backlog', '2026-09-03T10:00:00Z', 'Monitoring & detection'],
    ['DNS expiry', '2026-09-21T10:00:00Z', 'Tooling'],
  ] as const;
  for (const [title, incidentAt, bone] of incidents) {
    const created = await (await page.request.post(`${server.url}/api/postmortems`, { data: { title, incidentAt } })).json();
    const board = new BoardPage(page);
    await board.join(created.facilitatorUrl, 'Fiona');
    const fishbone = new FishboneTab(page);
    await fishbone.open();
    await fishbone.addFactor(bone, `${title}: a condition on ${bone}`);
    await page.getByRole('button', { name: /^Promote factor/ }).click();
    await page.getByRole('combobox', { name: /^Finding type for/ }).selectOption({ label: 'Contributing factor' });
    await page.getByRole('tab', { name: /Findings/ }).click();
    await expect(page.getByTestId('contributing-findings')).toContainText(bone);
    await page.getByRole('button', { name: 'Publish report' }).click();
    await expect(page.getByTestId('report-link')).toBeVisible();
  }

  await page.goto(`${server.url}/learning`);
  const chart = page.getByTestId('factors-chart');
  await expect(chart).toBeVisible();
  // Other tests share this server, so counts are at least these.
  await expect(page.getByRole('figure', { name: /Monitoring & detection [1-9].*Tooling ([2-9]|\d{2,})/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contributing factors per month' })).toContainText('2026-08');
  await expect(page.getByRole('table', { name: 'Contributing factors per month' })).toContainText('2026-09');
  // The canvas has really been drawn on.
  await expect.poll(() => chart.evaluate((c: HTMLCanvasElement) => c.toDataURL().length)).toBeGreaterThan(5_000);
  await page.screenshot({ path: testInfo.outputPath('learning.png'), fullPage: true });
});
