import { FishboneTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('the timeline works from the keyboard alone', async ({ team }) => {
  const { alice, bob } = team;
  const page = alice.page;

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  const first = await alice.focusedEventId();
  await page.keyboard.type('Alert fired');
  await page.keyboard.press('Escape');
  await expect(alice.card(first)).toBeFocused();

  await page.keyboard.press('n');
  const second = await alice.focusedEventId();
  await page.keyboard.type('Rollback started');
  await page.keyboard.press('Escape');

  await page.keyboard.press('ArrowUp');
  await expect(alice.card(first)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(alice.card(second)).toBeFocused();

  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(alice.what(first)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' (checkout)');
  await page.keyboard.press('Escape');
  await expect(bob.what(first)).toHaveValue('Alert fired (checkout)');

  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete this event?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(alice.card(first)).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(alice.event(first)).toHaveCount(0);
  await expect(bob.event(first)).toHaveCount(0);
  await expect(alice.card(second)).toBeFocused();

  // Views stay mounted once opened; N acts in the one on screen only: a factor here, no event on the hidden timeline.
  const fishbone = new FishboneTab(page);
  await fishbone.open();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(fishbone.factorText()).toBeFocused();
  await page.keyboard.type('No canary for config changes');
  await expect(fishbone.factor('No canary for config changes')).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(alice.events()).toHaveCount(1);

  // A question left open in a view that the facilitator moves everyone away from is cancelled, not left as a modal
  // over a hidden view (which would make the whole page inert).
  await alice.card(second).focus();
  await page.keyboard.press('Delete');
  await expect(dialog).toBeVisible();
  await team.facilitator.page.getByRole('button', { name: 'Next phase: Observations' }).click();
  await expect(page.getByRole('heading', { name: 'Observations' })).toBeVisible();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Your observation' }).fill('The page still answers');
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(alice.events()).toHaveCount(1);
});
