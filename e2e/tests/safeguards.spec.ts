import type { Page } from '@playwright/test';
import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { seedBoard } from '../fixtures/seed.ts';

test('a board at its event cap says so instead of adding another', async ({ team }, testInfo) => {
  test.setTimeout(90_000);
  // Only Alice is needed; the other two browsers would render the same thousand events on the same two cores.
  await Promise.all([team.facilitator.page.close(), team.bob.page.close()]);
  await seedBoard(team.links, { events: 1_000, factors: 0, notes: 0 });
  const { alice } = team;
  const count = alice.page.getByRole('heading', { name: /^Timeline/ }).locator('.pill-count');
  await expect(count).toHaveText('1000', { timeout: 30_000 });
  await alice.page.getByRole('button', { name: /^\+ Add event/ }).click();
  await expect(alice.page.getByRole('alert').filter({ hasText: 'This board holds at most 1,000 timeline events' })).toBeVisible();
  await expect(count).toHaveText('1000');
  await alice.page.screenshot({ path: testInfo.outputPath('event-cap.png') });
});

test('the facilitator replaces both links: people on the old link are shut out, the new link works', async ({ team, browser }, testInfo) => {
  const { facilitator, alice } = team;
  await facilitator.page.getByRole('button', { name: 'New links…' }).click();
  await facilitator.page.getByRole('dialog').getByRole('button', { name: 'Replace links' }).click();
  // The facilitator is back on the board with the new link, and is shown the new participant link to share.
  const panel = facilitator.page.getByRole('region', { name: 'New participant link: share it with the team' });
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await facilitator.waitForBoard();
  const newLink = await panel.getByRole('textbox', { name: 'New participant link' }).inputValue();
  expect(newLink).not.toBe(team.links.participantUrl);
  await facilitator.page.screenshot({ path: testInfo.outputPath('new-links.png') });

  // Alice, connected with the old link, is disconnected and refused.
  await expect(alice.page.getByRole('alert').filter({ hasText: 'This link is no longer valid' })).toBeVisible({ timeout: 15_000 });
  // Someone opening the old link gets the error page; the new link opens the board.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(team.links.participantUrl);
  await expect(page.getByRole('heading', { name: 'This link does not open this board' })).toBeVisible();
  await page.goto(newLink);
  await page.getByLabel('Your name').fill('Carol');
  await page.getByRole('button', { name: 'Join the board' }).click();
  await expect(page.getByTestId('connection-status')).toContainText('Live');
  await context.close();
});

test('the facilitator deletes the post-mortem: everyone on the board is told, and nothing of it stays on their devices', async ({
  team,
}, testInfo) => {
  const { facilitator, alice } = team;
  const id = new URL(team.links.participantUrl).pathname.split('/').pop()!;
  // Alice leaves traces on her device: the offline copy of the board, and the secret of a note she wrote.
  await alice.addEvent('Checkout error rate rose');
  const notes = new NotesTab(alice.page);
  await notes.open();
  await notes.write('The dashboard hid the error rate.');
  const kept = (page: Page) =>
    page.evaluate(async (id) => {
      const databases = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes(id));
      // Entries named after it or holding it (the facilitator keys); a summary's name ends in a digest of the key.
      const stored = Object.keys(localStorage)
        .filter((name) => name.includes(id) || localStorage.getItem(name)?.includes(id))
        .map((name) => name.replace(/:[0-9a-f]{16}$/, ':…'));
      return [...databases, ...stored].sort();
    }, id);
  expect(await kept(alice.page)).toEqual([`debrief:${id}/board`, `debrief:${id}/findings`, `debrief:notes:${id}`, `debrief:summary:${id}:…`].sort());

  expect(await kept(facilitator.page)).toEqual(expect.arrayContaining([`debrief:${id}/board`, 'debrief:facilitator-keys']));

  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await facilitator.page.getByRole('button', { name: 'Delete this post-mortem…' }).click();
  await facilitator.page.getByRole('dialog', { name: 'Delete this post-mortem?' }).getByRole('button', { name: 'Delete for good' }).click();
  await expect(facilitator.page).toHaveURL((url) => url.pathname === '/');
  expect(await kept(facilitator.page)).toEqual([]);

  // Alice, still on the board, is told why it stopped, and her device forgets it.
  await expect(alice.page.getByRole('alert').filter({ hasText: 'This post-mortem was deleted by its facilitator.' })).toBeVisible({
    timeout: 15_000,
  });
  await alice.page.screenshot({ path: testInfo.outputPath('deleted.png') });
  await expect.poll(() => kept(alice.page)).toEqual([]);
  await alice.page.reload();
  await expect(alice.page.getByRole('heading', { name: 'This post-mortem was deleted' })).toBeVisible();
});
