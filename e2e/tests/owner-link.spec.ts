import { expect, test } from '../fixtures/fixtures.ts';

test('the facilitator hands an action to its owner by link; the owner updates it from the link and from /actions, and the board sees it live', async ({
  team,
}, testInfo) => {
  const fiona = team.facilitator;
  await fiona.page.getByRole('tab', { name: /Findings/ }).click();
  await fiona.page.getByTestId('root-findings').getByRole('button', { name: '+ Add finding' }).click();
  await fiona.page.keyboard.type('Backlog alerts had no owner.');
  await fiona.page.getByTestId('root-findings').getByRole('button', { name: '+ Action' }).click();
  await fiona.page.keyboard.type('Page the queue owner on backlog');
  const action = fiona.page.getByTestId('action');
  await action.getByLabel('Owner', { exact: true }).fill('Queue team');
  await action.getByLabel('Owner', { exact: true }).press('Tab');
  await action.getByLabel('Due', { exact: true }).fill('2099-01-10');
  await action.getByLabel('Due', { exact: true }).press('Tab');

  // Participants never see the facilitator's tool.
  await team.alice.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(team.alice.page.getByTestId('action')).toContainText('Page the queue owner on backlog');
  await expect(team.alice.page.getByRole('button', { name: /Give the owner a link/ })).toHaveCount(0);

  await action.getByRole('button', { name: 'Give the owner a link…' }).click();
  const link = await action.getByRole('textbox', { name: 'Owner link' }).inputValue();
  expect(link).toMatch(/\/o\/[0-9a-z]{16}\/[0-9a-z]{16}#k=[A-Za-z0-9_-]{43}$/);

  // The owner (Bob's browser here) opens the link alone.
  const owner = await team.bob.page.context().newPage();
  await owner.goto(link);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Page the queue owner on backlog');
  await expect(owner).toHaveURL(/\/o\/[0-9a-z]{16}\/[0-9a-z]{16}$/); // the key leaves the address bar
  await expect(owner.getByText('Backlog alerts had no owner.')).toBeVisible();
  await owner.getByLabel('Status').selectOption({ label: 'In progress' });
  await owner.getByLabel(/^Progress note/).fill('Half of the queues page their owner now.');
  await owner.getByLabel('Tracker link').fill('javascript:alert(1)');
  await expect(owner.getByRole('alert')).toContainText('https://');
  await expect(owner.getByRole('button', { name: 'Save update' })).toBeDisabled();
  await owner.getByLabel('Tracker link').fill('https://tracker.example/OPS-12');
  await owner.getByRole('button', { name: 'Save update' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Live on every board: the facilitator's and a participant's.
  for (const board of [fiona, team.alice]) {
    await expect(board.page.getByTestId('action-progress')).toContainText('Half of the queues page their owner now.');
  }
  await expect(action.locator('.head')).toContainText('In progress');
  await expect(action.getByLabel('Tracker link', { exact: true })).toHaveValue('https://tracker.example/OPS-12');
  await testInfo.attach('owner-page.png', { body: await owner.screenshot({ fullPage: true }), contentType: 'image/png' });

  // From /actions too: the browser that opened the link lists the action under "Your actions".
  await owner.goto(link.replace(/\/o\/.*$/, '/actions'));
  const owned = owner.getByTestId('owned-actions');
  await owned.getByText('Page the queue owner on backlog').click();
  await owned.getByLabel('Status').selectOption({ label: 'Done' });
  await owned.getByLabel(/^Progress note/).fill('Every queue pages its owner.');
  await owned.getByRole('button', { name: 'Save update' }).click();
  await expect(fiona.page.getByTestId('action-progress')).toContainText('Every queue pages its owner.');
  await expect(action.locator('.head')).toContainText('Done');
  await testInfo.attach('actions-page.png', { body: await owner.screenshot({ fullPage: true }), contentType: 'image/png' });

  // A new link stops the old one: the owner is told, not shown a broken form.
  await action.getByRole('button', { name: 'Stop this link' }).click();
  await expect(action.getByRole('status')).toHaveText('The owner link no longer works.');
  await owner.goto(link.replace(/#.*$/, ''));
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('This link no longer opens an action');
  await owner.close();
});
