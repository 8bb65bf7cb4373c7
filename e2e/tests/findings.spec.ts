import { BoardPage } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('the facilitator promotes a timeline event and adds a finding of their own; once reworded, a finding shows where it came from, not its words', async ({
  team,
}, testInfo) => {
  const fiona = team.facilitator;
  const alice = team.alice;
  const deploy = await alice.addEvent('Config v42 deployed without the pool setting');
  await alice.page.keyboard.press('Tab');
  const event = fiona.event(deploy);
  await expect(event.locator('textarea[name="what"]')).toHaveValue('Config v42 deployed without the pool setting');

  // Promote on an event: a proximate cause is usually one.
  await event.getByRole('button', { name: /^Promote the event at/ }).click();
  await event.getByRole('combobox', { name: /^Finding type for the event/ }).selectOption({ label: 'Proximate cause' });
  await expect(alice.event(deploy).getByRole('button', { name: /^Promote/ })).toHaveCount(0); // the facilitator's tool only

  const findingsOf = (board: BoardPage) => board.page.getByTestId('proximate-findings').getByTestId('finding');
  await alice.page.getByRole('tab', { name: /Findings/ }).click();
  await fiona.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(findingsOf(alice)).toHaveCount(1);
  await expect(findingsOf(alice).getByTestId('finding-provenance')).toHaveText(
    'From a timeline event: “Config v42 deployed without the pool setting”',
  );

  // Reworded into a statement about the system: the event's words are no longer repeated beside it.
  const statement = findingsOf(fiona).getByRole('textbox', { name: 'Statement' });
  await statement.click();
  await statement.press('ControlOrMeta+a');
  await fiona.page.keyboard.type('The deploy tool let a config without the pool setting reach production.');
  await expect(findingsOf(alice).getByText('The deploy tool let a config')).toBeVisible();
  await expect(findingsOf(alice).getByTestId('finding-provenance')).toHaveText('From a timeline event');
  await expect(findingsOf(alice)).not.toContainText('Config v42 deployed');
  // "Show" opens the source where it lives.
  await findingsOf(alice).getByRole('button', { name: 'Show' }).click();
  await expect(alice.page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
  await expect(alice.event(deploy)).toBeFocused();

  // A finding nobody promoted: the facilitator adds it and writes it.
  await fiona.page.getByTestId('root-findings').getByRole('button', { name: '+ Add finding' }).click();
  await fiona.page.keyboard.type('Config changes ship without a reviewed diff.');
  await alice.page.getByRole('tab', { name: /Findings/ }).click();
  const root = alice.page.getByTestId('root-findings').getByTestId('finding');
  await expect(root).toContainText('Config changes ship without a reviewed diff.');
  await expect(root.getByTestId('finding-provenance')).toHaveText('Added by the facilitator');
  // A root cause takes a fishbone category, as a contributing factor does (Learning counts both).
  await fiona.page.getByTestId('root-findings').getByRole('combobox', { name: 'Fishbone category' }).selectOption({ label: 'Process' });
  await expect(root.locator('.source')).toContainText('Process');
  await expect(alice.page.getByTestId('root-findings').getByRole('button', { name: '+ Add finding' })).toHaveCount(0);

  // An action is linked to its findings through a search, not a wall of checkboxes.
  await fiona.page.getByTestId('proximate-findings').getByRole('button', { name: '+ Action' }).click();
  await fiona.page.keyboard.type('Require a reviewed diff for config changes');
  const action = fiona.page.getByTestId('action');
  const chips = action.getByRole('group', { name: 'For findings' }).locator('.chip');
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('The deploy tool let a config without the pool setting reach production.');
  await action.getByRole('searchbox', { name: 'Find a finding to link' }).fill('reviewed');
  await action
    .getByRole('list', { name: 'Findings to link' })
    .getByRole('button', { name: /Config changes ship/ })
    .click();
  await expect(chips).toHaveCount(2);
  await action.getByRole('button', { name: /^Unlink “The deploy tool/ }).click();
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('Config changes ship without a reviewed diff.');
  await testInfo.attach('findings.png', { body: await fiona.page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
