import { expect, test } from '../fixtures/fixtures.ts';
import { BoardPage } from '../fixtures/board-page.ts';
import { createPostmortem } from '../fixtures/seed.ts';

// A server that takes one connection: the second browser is turned away until the first leaves.
test.use({ serverEnv: { MAX_CONNECTIONS: '1' } });

test('a browser turned away at capacity says "server busy, retrying", and gets in once there is room', async ({ browser, server }, testInfo) => {
  test.setTimeout(60_000);
  const created = await createPostmortem(server.url, { title: 'Busy day' });
  const contexts = await Promise.all([0, 1].map(() => browser.newContext({ locale: 'en-GB' })));
  const [alicePage, bobPage] = await Promise.all(contexts.map((c) => c.newPage()));
  const alice = new BoardPage(alicePage!);
  await alice.join(created.participantUrl, 'Alice');

  await bobPage!.goto(created.participantUrl);
  await bobPage!.getByLabel('Your name').fill('Bob');
  await bobPage!.getByRole('button', { name: 'Join the board' }).click();
  await expect(bobPage!.getByTestId('connection-status')).toHaveText('Server busy · retrying');
  await expect(bobPage!.getByRole('status').filter({ hasText: 'The server is busy right now' })).toBeVisible();
  expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
  await testInfo.attach('bob-turned-away.png', { body: await bobPage!.screenshot(), contentType: 'image/png' });

  // Alice's board carried on meanwhile; once she leaves, Bob's retry gets in.
  await alice.addEvent('Still editing while the server is full');
  await contexts[0]!.close();
  const bob = new BoardPage(bobPage!);
  await expect(bob.page.getByTestId('connection-status')).toContainText('Live', { timeout: 20_000 });
  await expect(bob.events()).toHaveCount(1);
  await contexts[1]!.close();
});
