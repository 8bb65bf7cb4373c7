import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('Ctrl+Z undoes the edit where the focus is: the review text in the Review step, the browser’s own undo in a note draft, never a timeline edit elsewhere', async ({
  team,
}, testInfo) => {
  const { facilitator, alice } = team;
  // The facilitator's last board edit: a timeline event, which Alice sees.
  const id = await facilitator.addEvent('Deploy started');
  await expect(alice.what(id)).toHaveValue('Deploy started');

  // Typing the impact in the Review step, then Ctrl+Z: the impact goes, the timeline stays.
  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  const impact = facilitator.page.getByRole('textbox', { name: /^Impact/ });
  await impact.click();
  await facilitator.page.keyboard.type('Checkout failed for 40 minutes');
  await alice.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(alice.page.locator('.review .fields')).toContainText('Checkout failed for 40 minutes');
  await facilitator.page.waitForTimeout(600); // past the undo grouping window, so the step is the typing alone
  await facilitator.page.keyboard.press('Control+z');
  await expect(impact).toHaveValue('');
  await expect(alice.page.locator('.review .fields')).toContainText('Impact: not written yet');
  await alice.page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(alice.what(id)).toHaveValue('Deploy started');
  // Redo brings it back, in the same place.
  await facilitator.page.keyboard.press('Control+Shift+z');
  await expect(impact).toHaveValue('Checkout failed for 40 minutes');
  await facilitator.page.screenshot({ path: testInfo.outputPath('review-undo.png') });

  // In a note draft (a plain field), Ctrl+Z is the browser's own: the board keeps every edit.
  const notes = new NotesTab(facilitator.page);
  await notes.open();
  await notes.composer().click();
  await facilitator.page.keyboard.type('draft');
  await facilitator.page.keyboard.press('Control+z');
  await expect(alice.what(id)).toHaveValue('Deploy started');
  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(impact).toHaveValue('Checkout failed for 40 minutes');

  // Back on the timeline, Ctrl+Z in the event's field undoes the board edit, for everyone.
  await facilitator.page.getByRole('tab', { name: /Timeline/ }).click();
  await facilitator.what(id).click();
  await facilitator.page.keyboard.press('Control+z');
  await expect(alice.what(id)).not.toHaveValue('Deploy started');
});
