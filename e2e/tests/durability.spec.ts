import { BoardPage } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('a reload and a server restart keep everything', async ({ team, server, browser }, testInfo) => {
  const { alice, bob } = team;
  const one = await alice.addEvent('Deploy started');
  await alice.known(one).fill('Nothing unusual');
  const two = await bob.addEvent('Alert fired');
  await bob.marker(two).selectOption('decision');
  await expect(alice.marker(two)).toHaveValue('decision');

  await alice.page.reload();
  await alice.waitForBoard();
  await expect(alice.what(one)).toHaveValue('Deploy started');
  await expect(alice.known(one)).toHaveValue('Nothing unusual');

  // Edits made just before SIGTERM sit inside the save debounce: shutdown must flush them.
  await bob.what(two).click();
  await bob.what(two).press('End');
  await bob.page.keyboard.type(' for checkout');
  await expect(alice.what(two)).toHaveValue('Alert fired for checkout');
  await server.restart();

  for (const board of [alice, bob]) {
    await expect(board.page.getByTestId('connection-status')).toContainText('Live', { timeout: 15_000 });
  }
  await bob.page.reload();
  await bob.waitForBoard();
  await expect(bob.what(two)).toHaveValue('Alert fired for checkout');
  await expect(bob.marker(two)).toHaveValue('decision');
  await expect(bob.what(one)).toHaveValue('Deploy started');
  await expect(bob.known(one)).toHaveValue('Nothing unusual');
  await testInfo.attach('after-restart.png', { body: await bob.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Bob's browser keeps its own copy; a newcomer's has none, so what they see came from the server's storage.
  const context = await browser.newContext();
  const carol = new BoardPage(await context.newPage());
  await carol.join(team.links.participantUrl, 'Carol');
  await expect(carol.what(two)).toHaveValue('Alert fired for checkout');
  await expect(carol.known(one)).toHaveValue('Nothing unusual');
  await expect(carol.marker(two)).toHaveValue('decision');
  await context.close();
});
