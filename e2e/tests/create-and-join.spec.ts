import { BoardPage } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('the create form explains a missing or over-long title and creates nothing', async ({ landing, page }) => {
  await landing.submit().click();
  await expect(page.getByText('Give the incident a title.')).toBeVisible();
  await landing.title().fill('x'.repeat(201));
  await expect(page.getByText(/limited to 200 characters/)).toBeVisible();
  await landing.submit().click();
  await expect(page.getByText('Post-mortem created')).toHaveCount(0);
});

test('a facilitator creates a post-mortem and the team joins by the copied links', async ({ team }, testInfo) => {
  const { links, facilitator, alice, bob } = team;
  expect(links.participantUrl).toMatch(/\/pm\/[0-9a-z]{16}#k=[A-Za-z0-9_-]{43}$/);
  expect(links.facilitatorUrl).not.toBe(links.participantUrl);

  for (const board of [facilitator, alice, bob]) {
    await expect(board.page.getByTestId('incident-title')).toHaveText('Checkout failures after the 14:00 deploy');
    await expect.poll(async () => (await board.presenceNames().allTextContents()).sort()).toEqual(['Alice', 'Bob', 'Fiona']);
  }
  await expect(facilitator.page.getByText('Facilitator view')).toBeVisible();
  await expect(alice.page.getByText('Facilitator view')).toHaveCount(0);
  await expect(alice.page.getByTestId('presence-entry').filter({ hasText: 'Fiona' }).getByText('facilitator')).toBeVisible();
  await expect(alice.page.getByText('No events yet')).toBeVisible();
  await expect(alice.page).toHaveTitle('Checkout failures after the 14:00 deploy · Debrief');
  await expect(bob.page.getByText('Incident on 1 Nov 2026, 08:02 GMT-5')).toBeVisible();
  await testInfo.attach('empty-board.png', { body: await alice.page.screenshot(), contentType: 'image/png' });
});

test('the facilitator key leaves the address bar once read, and this browser reopens the board as facilitator', async ({ team }) => {
  const { links, facilitator, alice } = team;
  // A shared screen shows the address bar: the facilitator's holds the board's address and no key.
  const id = new URL(links.facilitatorUrl).pathname;
  expect(new URL(facilitator.page.url()).pathname).toBe(id);
  expect(facilitator.page.url()).not.toContain('#k=');
  await facilitator.page.reload();
  await facilitator.waitForBoard();
  await expect(facilitator.page.getByText('Facilitator view')).toBeVisible();
  expect(facilitator.page.url()).not.toContain('#k=');
  // The participant link is meant to be shared: it stays as it was.
  expect(alice.page.url()).toBe(links.participantUrl);
  // Elsewhere, the bare address opens nothing without a key.
  const stranger = await (await facilitator.page.context().browser()!.newContext()).newPage();
  await stranger.goto(new URL(id, links.facilitatorUrl).toString());
  await expect(stranger.getByRole('heading', { name: 'This link is incomplete' })).toBeVisible();
  await stranger.context().close();
});

test('presence follows people leaving and renaming', async ({ team }) => {
  await team.bob.page.getByRole('button', { name: 'Change your name' }).click();
  await team.bob.page.getByLabel('Your name').fill('Bob (SRE)');
  await team.bob.page.getByRole('button', { name: 'Save' }).click();
  await expect(team.alice.presenceNames()).toContainText(['Bob (SRE)']);
  await team.bob.page.close();
  // The server drops a closed connection's presence at once, not after the 30 s awareness timeout.
  await expect(team.alice.presenceNames()).toHaveCount(2, { timeout: 5_000 });
});

test('the display name is remembered in that browser', async ({ team }) => {
  await team.alice.page.reload();
  await team.alice.waitForBoard();
  await expect(team.alice.page.getByLabel('Your name')).toHaveCount(0);
  await expect(team.facilitator.presenceNames()).toContainText(['Alice']);
});

test('a wrong or missing key shows an error page and no board data', async ({ browser, server }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const created = await (await page.request.post(`${server.url}/api/postmortems`, { data: { title: 'Secret incident name' } })).json();
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));

  await page.goto(`${server.url}/pm/${created.id}#k=${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { name: 'This link does not open this board' })).toBeVisible();
  await expect(page.getByText('Secret incident name')).toHaveCount(0);

  await page.goto(`${server.url}/pm/${created.id}`);
  await expect(page.getByRole('heading', { name: 'This link is incomplete' })).toBeVisible();

  await page.goto(`${server.url}/pm/zzzzzzzzzzzzzzzz#k=${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { name: 'Post-mortem not found' })).toBeVisible();

  await page.goto(`${server.url}/somewhere/else`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(sockets, 'no collaboration socket is opened without a valid key').toEqual([]);
  await context.close();
});

test('the key never leaves the browser in a request line', async ({ browser, server }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const created = await (await page.request.post(`${server.url}/api/postmortems`, { data: { title: 'Key hygiene' } })).json();
  const key = new URL(created.participantUrl).hash.slice(3);
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  const board = new BoardPage(page);
  await board.join(created.participantUrl, 'Casey');
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url).not.toContain(key);
  await context.close();
});

test('everyone copies the participant link from the board; only the facilitator, in their browser, the facilitator link', async ({ team }) => {
  const { links, facilitator, alice } = team;
  const clipboard = (board: BoardPage) => board.page.evaluate(() => navigator.clipboard.readText());
  const share = (board: BoardPage) => board.page.getByTestId('share-links');
  await share(alice).getByRole('button', { name: 'Copy participant link' }).click();
  expect(await clipboard(alice)).toBe(links.participantUrl);
  await expect(share(alice).getByRole('button', { name: /Copy facilitator link/ })).toHaveCount(0);
  await share(facilitator).getByRole('button', { name: 'Copy participant link' }).click();
  expect(await clipboard(facilitator)).toBe(links.participantUrl);
  await share(facilitator)
    .getByRole('button', { name: /Copy facilitator link/ })
    .click();
  expect(await clipboard(facilitator)).toBe(links.facilitatorUrl);
});

test('the creation page keeps both links through a reload until the facilitator says they are saved', async ({ landing, page }) => {
  await landing.title().fill('Search index rebuild');
  await landing.submit().click();
  const facilitatorLink = await page.getByRole('textbox', { name: 'Facilitator link' }).inputValue();
  expect(facilitatorLink).toMatch(/#k=/);
  await page.reload();
  await expect(page.getByText('Post-mortem created')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Facilitator link' })).toHaveValue(facilitatorLink);
  await expect(page.getByRole('heading', { name: 'Search index rebuild' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'I have saved both links' }).check();
  await page.reload();
  await expect(landing.title()).toBeVisible();
  await expect(page.getByText('Post-mortem created')).toHaveCount(0);
});
