import type { Locator } from '@playwright/test';
import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('blame hints nudge while typing, explain, offer a reframe, can be dismissed, and are counted before publishing', async ({ team }, testInfo) => {
  const notes = new NotesTab(team.alice.page);
  await notes.open();
  await notes.composer().fill('Bob should have checked the dashboard');
  const hint = team.alice.page.getByTestId('blame-hint');
  // The words are underlined in the field itself, and the tooltip under it explains them.
  const underline = team.alice.page.getByTestId('blame-span');
  await expect(underline).toHaveText('should have');
  await expectUnderlineOnWords(notes.composer(), underline);
  await expect(hint).toContainText('“should have”');
  await expect(hint).toContainText('Hindsight');
  await expect(hint).toContainText('Try:');
  // "Bob had not checked" would still blame Bob: no one-click rewrite, a question about the system instead.
  await expect(hint.getByRole('button', { name: /^Use/ })).toHaveCount(0);
  await expect(hint.getByTestId('blame-question')).toHaveText(
    'Ask instead: What would have led anyone in that position to have checked the dashboard?',
  );
  await team.alice.page.screenshot({ path: testInfo.outputPath('composer-hint.png') });
  // Blame no rule describes (sarcasm, here) is found by the learned model, which the browser fetches after first
  // paint: the whole sentence is marked.
  await notes.composer().fill('Great job shipping on a Friday again, team.');
  await expect(underline).toHaveText('Great job shipping on a Friday again, team.');
  await expect(hint).toContainText('Try:');
  await team.alice.page.screenshot({ path: testInfo.outputPath('composer-model-hint.png') });
  // Where the rewrite blames nobody, one click applies it…
  await notes.composer().fill('It was human error.');
  await hint.getByRole('button', { name: 'Use “a gap in our safeguards”' }).click();
  await expect(notes.composer()).toHaveValue('It was a gap in our safeguards.');
  await expect(hint).toHaveCount(0);
  await expect(underline).toHaveCount(0);
  await expect(notes.composer()).toBeFocused();
  // …or dismisses the hint.
  await notes.composer().fill('A careless change to the firewall');
  await expect(hint).toContainText('“careless”');
  await hint.getByRole('button', { name: 'Dismiss' }).click();
  await expect(hint).toHaveCount(0);
  await expect(underline).toHaveCount(0);
  // It nudges, it never blocks: the note can still be sent.
  await team.alice.page.getByRole('button', { name: 'Add note' }).click();
  await expect(team.alice.page.getByTestId('composer-help')).toContainText('Sent.');
  await expect(notes.waitingCount()).toContainText('1 note is waiting');

  // The same checker runs in timeline fields.
  await team.alice.page.getByRole('tab', { name: /Timeline/ }).click();
  const id = await team.alice.addEvent('Outage caused by human error on the night shift');
  // Everyone sees the underline; the tooltip opens only in the field someone is working in.
  await expect(team.alice.event(id).getByTestId('blame-span')).toHaveText('human error');
  await expect(team.bob.event(id).getByTestId('blame-span')).toHaveText('human error');
  await team.alice.what(id).blur();
  await expect(team.alice.event(id).getByTestId('blame-hint')).toHaveCount(0);
  await team.alice.what(id).click();
  await expect(team.alice.event(id).getByTestId('blame-hint')).toContainText('“human error”');
  await team.alice.page.screenshot({ path: testInfo.outputPath('timeline-hint.png') });

  // The facilitator's Review step lists what would be published with blame in it.
  await team.facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(team.facilitator.page.getByTestId('flagged-statements')).toContainText('Outage caused by human error on the night shift');

  // Applying a rewrite in a shared field changes it for everyone.
  await team.alice.event(id).getByTestId('blame-hint').getByRole('button', { name: 'Use “a gap in our safeguards”' }).click();
  await expect(team.bob.what(id)).toHaveValue('Outage caused by a gap in our safeguards on the night shift');
  await expect(team.facilitator.page.getByTestId('flagged-statements')).toHaveCount(0);
});

/** The underline layer must sit on the field's words, not beside them: its box lies inside the field's. */
async function expectUnderlineOnWords(field: Locator, underline: Locator): Promise<void> {
  const fieldBox = await field.boundingBox();
  const wordsBox = await underline.boundingBox();
  expect(fieldBox && wordsBox).toBeTruthy();
  if (!fieldBox || !wordsBox) return;
  expect(wordsBox.x).toBeGreaterThanOrEqual(fieldBox.x);
  expect(wordsBox.y).toBeGreaterThanOrEqual(fieldBox.y);
  expect(wordsBox.x + wordsBox.width).toBeLessThanOrEqual(fieldBox.x + fieldBox.width);
  expect(wordsBox.y + wordsBox.height).toBeLessThanOrEqual(fieldBox.y + fieldBox.height);
}
