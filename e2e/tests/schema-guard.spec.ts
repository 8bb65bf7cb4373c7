import { reviewText } from '@debrief/model';
import { writeDirectly } from '../fixtures/direct-writer.ts';
import { linkParts } from '../fixtures/seed.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('text past its limit is refused in the field, and cut back by the server for everyone when a hand-written client sends it', async ({
  team,
}, testInfo) => {
  const { facilitator, alice } = team;
  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await alice.page.getByRole('tab', { name: /Findings/ }).click();

  // In the browser: pasting 5,100 characters into the impact is refused where it is typed, with the limit.
  const impact = facilitator.page.getByRole('textbox', { name: /^Impact/ });
  await impact.fill('i'.repeat(5_100));
  await expect(facilitator.page.getByText('Impact is limited to 5,000 characters.')).toBeVisible();
  await expect(impact).toHaveValue('');
  await facilitator.page.screenshot({ path: testInfo.outputPath('refused-in-the-field.png') });

  // A client of one's own, with the facilitator's key, writes it anyway: the server keeps 5,000 for everyone and
  // tells that writer alone why.
  const { origin, id, facilitatorKey } = linkParts(team.links.participantUrl, team.links.facilitatorUrl);
  const told = await writeDirectly(origin, `${id}/findings`, facilitatorKey, (doc) => reviewText(doc, 'impact')!.insert(0, 'j'.repeat(5_100)));
  expect(told.map((payload) => JSON.parse(payload))).toContainEqual({
    type: 'refused',
    what: 'invalid-record',
    fixes: ['review.impact was longer than 5000 characters (trimmed)'],
  });
  await expect(impact).toHaveValue('j'.repeat(5_000));
  await expect(alice.page.locator('.review .fields')).toContainText('j'.repeat(5_000));
  await expect(alice.page.locator('.review .fields')).not.toContainText('j'.repeat(5_001));
  for (const board of [facilitator, alice]) await expect(board.page.getByText('changed part of your last edit back')).toHaveCount(0);
  await alice.page.screenshot({ path: testInfo.outputPath('cut-back-for-everyone.png') });
});
