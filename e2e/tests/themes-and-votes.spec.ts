import { FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('two people group notes into themes and dot-vote, anonymously, within the facilitator’s limit', async ({ team }, testInfo) => {
  const [fiona, alice, bob] = [team.facilitator, team.alice, team.bob].map((board) => new NotesTab(board.page));
  // The list view: the canvas's operations in reading order, for screen readers (the canvas has its own spec).
  for (const tab of [fiona!, alice!, bob!]) {
    await tab.open();
    await tab.showList();
  }
  await alice!.write('Pages went to the old on-call rota.');
  await alice!.write('The alert fired in a muted channel.', 'Pink');
  await bob!.write('Runbook links point to a deleted dashboard.', 'Blue');
  await fiona!.revealButton().click();
  for (const tab of [alice!, bob!]) await expect(tab.wall()).toHaveCount(3);

  // Group by selection, with a title.
  const note = (tab: NotesTab, text: string) => tab.wall().filter({ hasText: text });
  await note(alice!, 'old on-call rota').getByRole('checkbox', { name: 'Select' }).check();
  await note(alice!, 'muted channel').getByRole('checkbox', { name: 'Select' }).check();
  await alice!.page.getByRole('textbox', { name: 'Theme title' }).fill('Alert routing');
  await alice!.page.getByRole('button', { name: 'Group into a theme' }).click();
  const bobsTheme = bob!.page.getByTestId('theme');
  await expect(bobsTheme).toHaveCount(1);
  await expect(bobsTheme.getByRole('textbox', { name: 'Theme title' })).toHaveValue('Alert routing');
  await expect(bobsTheme.getByTestId('sticky-note')).toHaveCount(2);

  // Group by dragging one note onto another.
  await note(bob!, 'deleted dashboard').dragTo(note(bob!, 'muted channel'));
  await expect(alice!.page.getByTestId('theme').getByTestId('sticky-note')).toHaveCount(3);
  await note(alice!, 'deleted dashboard').getByRole('button', { name: 'Take out' }).click();
  await expect(bobsTheme.getByTestId('sticky-note')).toHaveCount(2);

  // Voting: closed until the facilitator opens it with a limit.
  await expect(alice!.page.getByTestId('voting-status')).toContainText('Voting is closed');
  await expect(alice!.page.getByRole('button', { name: /^Vote for/ })).toHaveCount(0);
  await fiona!.page.getByRole('spinbutton', { name: 'Votes per person' }).fill('2');
  await fiona!.page.getByRole('button', { name: 'Open voting' }).click();
  await expect(alice!.page.getByTestId('voting-status')).toContainText('You have 2 of 2 votes left');

  const target = note(alice!, 'deleted dashboard');
  await target.getByRole('button', { name: /^Vote for note/ }).click();
  await target.getByRole('button', { name: /^Vote for note/ }).click();
  await expect(alice!.page.getByTestId('voting-status')).toContainText('You have 0 of 2 votes left');
  await expect(target.getByRole('button', { name: /^Vote for note/ })).toBeDisabled();
  await expect(note(bob!, 'deleted dashboard').getByTestId('vote-count')).toHaveText('● 2');
  // Counts only: nothing on Bob's screen says who voted.
  await expect(note(bob!, 'deleted dashboard')).not.toContainText('Alice');
  await target.getByRole('button', { name: /^Take back a vote/ }).click();
  await expect(note(bob!, 'deleted dashboard').getByTestId('vote-count')).toHaveText('● 1');

  // Bob votes for the theme; the facilitator ranks by votes, and everyone's wall follows.
  await bobsTheme.getByRole('button', { name: /^Vote for theme/ }).click();
  await expect(alice!.page.getByTestId('theme').getByTestId('vote-count').first()).toHaveText('● 1');
  await expect(bob!.page.getByRole('button', { name: /Rank by votes/ })).toHaveCount(0);
  await note(bob!, 'muted channel')
    .getByRole('button', { name: /^Vote for note/ })
    .click();
  await expect(note(alice!, 'muted channel').getByTestId('vote-count')).toHaveText('● 1');
  await fiona!.page.getByRole('button', { name: 'Rank by votes for everyone' }).click();
  await expect(fiona!.page.getByRole('button', { name: '✓ Ranked by votes for everyone' })).toBeVisible();
  for (const tab of [alice!, bob!]) {
    await expect(tab.page.getByTestId('ranked-by-facilitator')).toBeVisible();
    // In the theme, the note with a vote comes first on every screen (the reveal's shuffle set the order before).
    await expect(tab.page.getByTestId('theme').getByTestId('sticky-note').first()).toContainText('muted channel');
  }

  // Factors take votes too, and the fishbone ranks them in one click.
  const fishbone = new FishboneTab(alice!.page);
  await fishbone.open();
  await fishbone.addFactor('Monitoring & detection', 'Alert routing is not tested');
  await alice!.page.getByRole('button', { name: /^Vote for factor/ }).click();
  await alice!.page.getByRole('button', { name: /Rank factors by votes/ }).click();
  await expect(alice!.page.getByTestId('factor-ranking')).toContainText('Alert routing is not tested');
  await testInfo.attach('bob-themes-and-votes.png', { body: await bob!.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Closing voting removes the vote buttons for everyone.
  await fiona!.page.getByRole('button', { name: 'Close voting' }).click();
  await expect(bob!.page.getByTestId('voting-status')).toContainText('Voting is closed');
  await expect(bob!.page.getByRole('button', { name: /^Vote for/ })).toHaveCount(0);
  await bobsTheme.getByRole('button', { name: 'Ungroup' }).click();
  await expect(alice!.page.getByTestId('theme')).toHaveCount(0);
});
