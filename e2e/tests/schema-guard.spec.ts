import { expect, test } from '../fixtures/fixtures.ts';

test('an edit past what the board stores is cut back by the server for everyone, and its writer is told why', async ({ team }, testInfo) => {
  const { facilitator, alice } = team;
  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await alice.page.getByRole('tab', { name: /Findings/ }).click();
  // The impact field has no counter; pasting 5,100 characters goes through, and the server keeps 5,000.
  await facilitator.page.getByRole('textbox', { name: /^Impact/ }).fill('i'.repeat(5_100));
  await expect(
    facilitator.page.getByRole('status').or(facilitator.page.getByRole('alert')).filter({ hasText: 'changed part of your last edit back' }),
  ).toContainText('review.impact was longer than 5000 characters (trimmed)');
  await expect(facilitator.page.getByRole('textbox', { name: /^Impact/ })).toHaveValue('i'.repeat(5_000));
  await expect(alice.page.locator('.review .fields')).toContainText('i'.repeat(5_000));
  await expect(alice.page.locator('.review .fields')).not.toContainText('i'.repeat(5_001));
  // Nobody else is told: the notice is for the writer.
  await expect(alice.page.getByText('changed part of your last edit back')).toHaveCount(0);
  await facilitator.page.getByRole('alert').filter({ hasText: 'changed part of your last edit back' }).scrollIntoViewIfNeeded();
  await facilitator.page.screenshot({ path: testInfo.outputPath('trimmed-notice.png') });
});
