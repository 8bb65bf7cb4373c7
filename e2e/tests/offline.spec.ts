import { expect, test } from '../fixtures/fixtures.ts';

test('offline: keep editing, reload without network, and merge with what others did once back', async ({ team }, testInfo) => {
  const { alice, bob } = team;
  const shared = await alice.addEvent('Cache warmed');
  await expect(bob.what(shared)).toHaveValue('Cache warmed');
  // The app itself must be cached (service worker) before the network goes.
  await alice.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => alice.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await alice.page.context().setOffline(true);
  await expect(alice.page.getByTestId('connection-status')).toContainText('Offline', { timeout: 15_000 });
  await alice.known(shared).fill('Hit rate fell to 20%');
  await expect(alice.page.getByTestId('connection-status')).toHaveText('Offline · edits kept on this device');
  // Meanwhile Bob keeps working online.
  const bobs = await bob.addEvent('Bob added this while Alice was offline');
  await bob.openEvent(shared);
  await bob.known(shared).fill('');

  // A reload without network still opens the board, with Alice's offline edit in it.
  await alice.page.reload();
  await expect(alice.timelineHeading()).toBeVisible();
  await expect(alice.known(shared)).toHaveValue('Hit rate fell to 20%');
  await expect(alice.page.getByTestId('connection-status')).toContainText('Offline');
  await alice.page.screenshot({ path: testInfo.outputPath('offline-after-reload.png') });

  // Back online, both sides have everything.
  await alice.page.context().setOffline(false);
  await expect(alice.what(bobs)).toHaveValue('Bob added this while Alice was offline', { timeout: 20_000 });
  await expect(bob.known(shared)).toHaveValue('Hit rate fell to 20%');
  await expect(alice.page.getByTestId('connection-status')).toHaveText('Live · all changes saved', { timeout: 15_000 });
});
