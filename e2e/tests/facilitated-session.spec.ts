import type { Page, TestInfo } from '@playwright/test';
import { FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

/** Keeps a full-page screenshot of a phase, in test-results and in the report, to look at. */
async function shot(testInfo: TestInfo, name: string, page: Page) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a whole facilitated session: timeline, notes, reveal, themes, fishbone, findings of every type, actions, overdue follow-up', async ({
  team,
}, testInfo) => {
  test.setTimeout(180_000);
  const { facilitator: fiona, alice, bob } = team;
  const next = (label: string) => fiona.page.getByRole('button', { name: `Next phase: ${label}` }).click();
  const selectedTab = (page: Page) => page.getByRole('tab', { selected: true });

  // Only the facilitator has the controls; everyone sees the phase and the timer.
  await expect(alice.page.getByRole('button', { name: /^Next phase/ })).toHaveCount(0);
  await fiona.page.getByRole('button', { name: 'Start 5 min' }).click();
  await expect(alice.page.getByRole('timer')).toHaveAttribute('aria-label', /^4:5\d left$|^5:00 left$/);
  // The clock ticks while the timer runs (it stays still otherwise, so an idle board never wakes up for it).
  const started = await alice.page.getByRole('timer').getAttribute('aria-label');
  await expect(alice.page.getByRole('timer')).not.toHaveAttribute('aria-label', started!);

  // 1. Timeline.
  await alice.addEvent('Config v42 deployed to all regions');
  await bob.addEvent('Error-rate alert fired for checkout');
  await shot(testInfo, '1-timeline.png', alice.page);

  // 2. Silent writing: the boards follow the facilitator.
  await next('Observations');
  for (const board of [alice, bob]) await expect(selectedTab(board.page)).toHaveText(/Observations/);
  const [fNotes, aNotes, bNotes] = [fiona, alice, bob].map((b) => new NotesTab(b.page));
  await aNotes!.write('The deploy tool does not show a config diff.');
  await aNotes!.write('Alerts went to a channel nobody watches at night.');
  await bNotes!.write('Rollback took four minutes thanks to the runbook.', 'Green');
  await bNotes!.write('Traffic was low because it was a holiday.', 'Blue');
  await shot(testInfo, '2-silent-writing.png', bob.page);

  // 3. Reveal and group: ending the Observations phase releases every waiting note.
  await next('Reveal & group');
  await expect(aNotes!.wall()).toHaveCount(4);
  await expect(fNotes!.waitingCount()).toContainText('No notes waiting');
  // Alice groups from the list (the screen-reader view); the facilitator, on the canvas, sees the theme's frame.
  await aNotes!.showList();
  await aNotes!.wall().filter({ hasText: 'config diff' }).getByRole('checkbox', { name: 'Select' }).check();
  await aNotes!.wall().filter({ hasText: 'nobody watches' }).getByRole('checkbox', { name: 'Select' }).check();
  await alice.page.getByRole('textbox', { name: 'Theme title' }).fill('Changes are hard to see');
  await alice.page.getByRole('button', { name: 'Group into a theme' }).click();
  await expect(fiona.page.getByTestId('canvas-frame')).toHaveCount(1);
  await shot(testInfo, '3-reveal-and-group.png', fiona.page);

  // Promote notes and the theme (the facilitator's controls only).
  await expect(alice.page.getByRole('button', { name: /^Promote/ })).toHaveCount(0);
  const promote = async (what: RegExp, type: string) => {
    await fiona.page.getByRole('button', { name: what }).click();
    await fiona.page.getByRole('combobox', { name: /^Finding type for/ }).selectOption({ label: type });
  };
  await promote(/^Promote note “The deploy tool/, 'Proximate cause');
  await promote(/^Promote note “Rollback took/, 'What went well');
  await promote(/^Promote note “Traffic was low/, 'Where we got lucky');
  await promote(/^Promote theme Changes are hard/, 'Contributing factor');

  // 4. Contributing factors.
  await next('Contributing factors');
  for (const board of [alice, bob]) await expect(selectedTab(board.page)).toHaveText(/Contributing factors/);
  const bFish = new FishboneTab(bob.page);
  await bFish.addFactor('Tooling', 'Config changes ship without a reviewed diff');
  const fFish = new FishboneTab(fiona.page);
  await fFish.factor('Config changes ship without a reviewed diff').click();
  await fiona.page.getByRole('button', { name: /^Promote factor/ }).click();
  await fiona.page.getByRole('combobox', { name: /^Finding type for/ }).selectOption({ label: 'Root cause' });
  await shot(testInfo, '4-fishbone.png', bob.page);

  // 5. Findings: proximate and root kept apart, every type present, read-only for participants.
  await next('Findings');
  for (const board of [alice, bob]) await expect(selectedTab(board.page)).toHaveText(/Findings/);
  await expect(alice.page.getByTestId('proximate-findings').getByTestId('finding')).toContainText('config diff');
  await expect(alice.page.getByTestId('root-findings').getByTestId('finding')).toContainText('reviewed diff');
  await expect(alice.page.getByTestId('contributing-findings').getByTestId('finding')).toContainText('Changes are hard to see');
  await expect(alice.page.getByTestId('went-well-findings').getByTestId('finding')).toHaveCount(1);
  await expect(alice.page.getByTestId('lucky-findings').getByTestId('finding')).toHaveCount(1);
  await expect(alice.page.getByRole('button', { name: 'Demote' })).toHaveCount(0);
  const contributing = fiona.page.getByTestId('contributing-findings').getByTestId('finding');
  await contributing.getByRole('combobox', { name: 'Fishbone category' }).selectOption({ label: 'Tooling' });
  await expect(alice.page.getByTestId('contributing-findings')).toContainText('Tooling');
  await shot(testInfo, '5-findings.png', alice.page);

  // 6. Corrective actions: one committed but overdue, one not committed.
  await next('Corrective actions');
  const root = fiona.page.getByTestId('root-findings').getByTestId('finding');
  await root.getByRole('button', { name: '+ Action' }).click();
  await fiona.page.keyboard.type('Require a reviewed config diff before deploy');
  const action = fiona.page.getByTestId('action').first();
  await action.getByRole('combobox', { name: 'Owner' }).fill('Platform team');
  await action.getByRole('combobox', { name: 'Owner' }).press('Tab');
  await action.getByLabel('Due').fill('2020-01-15');
  await action.getByLabel('Due').press('Tab');
  await action.getByLabel('Priority').selectOption('high');
  await fiona.page.getByRole('button', { name: '+ Add action' }).click();
  await fiona.page.keyboard.type('Route night alerts to the on-call phone');
  await expect(alice.page.getByTestId('action')).toHaveCount(2);
  await expect(alice.page.getByTestId('uncommitted')).toContainText('1 action is not committed');
  await expect(alice.page.getByTestId('action').first()).toContainText('Owner: Platform team · Due: 2020-01-15');
  await shot(testInfo, '6-actions.png', fiona.page);

  await next('Review & publish');
  await expect(alice.page.getByTestId('phase-prompt')).toContainText('Review & publish');

  // 7. Follow-up on the Actions page: the overdue action is highlighted; the facilitator closes it.
  await fiona.page.goto(new URL('/actions', team.links.facilitatorUrl).toString());
  const row = fiona.page.getByTestId('action-row').filter({ hasText: 'reviewed config diff' });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('Platform team');
  await shot(testInfo, '7-actions-page.png', fiona.page);
  await row.getByRole('combobox', { name: /^Status of/ }).selectOption({ label: 'Done' });
  await expect(row).not.toContainText('Overdue');
  await expect(alice.page.getByTestId('action').first()).toContainText('Done');

  // Not published yet: the list and the download include it because Fiona's browser sends her facilitator key.
  const [csv] = await Promise.all([fiona.page.waitForEvent('download'), fiona.page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('debrief-actions.csv');
  const chunks: Buffer[] = [];
  for await (const chunk of await csv.createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toContain('Require a reviewed config diff before deploy');

  // A participant's browser holds no facilitator key: the unpublished post-mortem's actions are not listed there.
  await alice.page.goto(new URL('/actions', team.links.participantUrl).toString());
  await expect(alice.page.getByRole('heading', { name: 'Corrective actions' })).toBeVisible();
  await expect(alice.page.getByRole('status')).toHaveCount(0); // loaded
  await expect(alice.page.getByTestId('action-row').filter({ hasText: 'reviewed config diff' })).toHaveCount(0);
  await expect(alice.page.getByRole('main').getByRole('paragraph').first()).toContainText(
    'plus those from unpublished post-mortems you opened as facilitator in this browser',
  );
});

test('the facilitator can let people roam: boards stop following the phase', async ({ team }) => {
  await team.facilitator.page.getByRole('checkbox', { name: 'Let people roam freely' }).check();
  await expect(team.alice.page.getByText('The facilitator lets everyone roam')).toBeVisible();
  await team.alice.page.getByRole('tab', { name: /Contributing factors/ }).click();
  await team.facilitator.page.getByRole('button', { name: 'Next phase: Observations' }).click();
  await expect(team.alice.page.getByTestId('phase-prompt')).toContainText('Observations');
  await expect(team.alice.page.getByRole('tab', { selected: true })).toHaveText(/Contributing factors/);
});
