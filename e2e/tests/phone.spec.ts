import { BoardPage, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { createPostmortem } from '../fixtures/seed.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/Berlin' };

test('on a 390 px phone the board never scrolls sideways, every tab is reachable, and a participant writes and votes', async ({
  browser,
  server,
}, testInfo) => {
  const created = await createPostmortem(server.url, {
    title: 'Checkout failures after the 14:00 deploy',
    summary: 'For 40 minutes about 30% of checkout attempts failed.',
  });
  const [desk, phone] = await Promise.all([browser.newContext({ locale: 'en-GB' }), browser.newContext(PHONE)]);
  const fiona = new BoardPage(await desk.newPage());
  const alice = new BoardPage(await phone.newPage());
  await fiona.join(created.facilitatorUrl, 'Fiona');
  await alice.join(created.participantUrl, 'Alice');

  const sideways = () => alice.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await sideways()).toBe(0);
  for (const tab of ['Observations', 'Contributing factors', 'Findings & actions', 'Timeline']) {
    await alice.page.getByRole('tab', { name: new RegExp(tab) }).tap();
    await expect(alice.page.getByRole('tab', { name: new RegExp(tab) })).toHaveAttribute('aria-selected', 'true');
    expect(await sideways(), `no sideways scroll on ${tab}`).toBe(0);
  }

  // Write three notes from the phone; the facilitator reveals them and opens voting; the phone votes.
  const notes = new NotesTab(alice.page);
  await alice.page.getByRole('tab', { name: /Observations/ }).tap();
  for (const text of ['Pages went to the old rota.', 'The alert fired in a muted channel.', 'Runbook links were dead.']) await notes.write(text);
  await testInfo.attach('phone-observations.png', { body: await alice.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  const facilitatorNotes = new NotesTab(fiona.page);
  await facilitatorNotes.open();
  await facilitatorNotes.release();
  await expect(notes.wall()).toHaveCount(3);
  await fiona.page.getByRole('button', { name: 'Open voting' }).click();
  const target = notes.wall().filter({ hasText: 'muted channel' });
  await target.getByRole('button', { name: /^Vote for note/ }).tap();
  await expect(fiona.page.getByTestId('sticky-note').filter({ hasText: 'muted channel' }).getByTestId('vote-count')).toHaveText('● 1');
  expect(await sideways()).toBe(0);
  await testInfo.attach('phone-voted.png', { body: await alice.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await Promise.all([desk.close(), phone.close()]);
});
