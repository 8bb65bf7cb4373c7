import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('blame and names never reach the record: the Review step lists each flagged statement with a way out, and publishing waits for all of them', async ({
  team,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { facilitator: fiona, alice, bob } = team;
  const event = await alice.addEvent('Bob carelessly ran the cleanup on db1');

  const [fNotes, aNotes, bNotes] = [fiona, alice, bob].map((board) => new NotesTab(board.page));
  for (const tab of [fNotes!, aNotes!, bNotes!]) await tab.open();
  await aNotes!.write('Bob should have double-checked the hostname.');
  await bNotes!.write('The prompts of db1 and db2 look the same.');
  await aNotes!.write('Restores were never tried in a drill.');
  await fNotes!.revealButton().click();
  await expect(bNotes!.wall()).toHaveCount(3);

  const review = fiona.page;
  await review.getByRole('tab', { name: /Findings/ }).click();
  await review.getByRole('textbox', { name: /^Lessons learned/ }).click();
  await review.keyboard.type('It was human error.');
  // The lessons are live for everyone, not only after a reload.
  await bob.page.getByRole('tab', { name: /Findings/ }).click();
  await expect(bob.page.getByText('Lessons learned: It was human error.')).toBeVisible();

  // Everyone seen on the board is offered for names-to-roles.
  const names = review.getByTestId('name-roles');
  const nameFields = names.getByRole('textbox', { name: 'Name' });
  await expect
    .poll(async () => (await nameFields.evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value))).sort())
    .toEqual(['Alice', 'Bob', 'Fiona']);
  // A name with no role yet that the record still mentions is pointed out.
  await expect(review.getByTestId('publish-checklist')).toContainText('Names still in what will be published: Bob.');
  const bobAt = (await nameFields.evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value))).indexOf('Bob');
  await names.getByRole('textbox', { name: 'Role' }).nth(bobAt).fill('the on-call engineer');
  await expect(review.getByTestId('publish-checklist')).not.toContainText('Names still');

  const flagged = review.getByTestId('flagged-statement');
  await expect(flagged).toHaveCount(3);
  await expect(review.getByTestId('publish-checklist')).toContainText('3 statements read as blame');
  // Listed as they would be published: the name already replaced.
  await expect(flagged.filter({ hasText: 'Observation' })).toContainText('the on-call engineer should have double-checked the hostname.');
  await testInfo.attach('review-flagged.png', { body: await review.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Publishing now is refused, and says why.
  await review.getByRole('button', { name: 'Publish report' }).click();
  await expect(review.getByRole('alert').filter({ hasText: '3 statements read as blame' })).toBeVisible();
  await expect(review.getByTestId('report-link')).toHaveCount(0);

  // Way out 1: reword the timeline event in place (it changes on everyone's board).
  const timeline = flagged.filter({ hasText: 'Timeline' });
  await timeline.getByRole('button', { name: 'Reword' }).click();
  const reword = timeline.getByRole('textbox', { name: /^Reword it/ });
  await reword.fill('The cleanup script ran on db1, whose prompt matched db2.');
  await expect(alice.what(event)).toHaveValue('The cleanup script ran on db1, whose prompt matched db2.');
  await expect(flagged).toHaveCount(2);

  // Way out 2: a paraphrase in the note's place (the facilitator cannot reword an anonymous note).
  const note = flagged.filter({ hasText: 'Observation' });
  await expect(note.getByRole('button', { name: 'Reword' })).toHaveCount(0);
  await note.getByRole('button', { name: 'Paraphrase' }).click();
  await note.getByRole('textbox', { name: /^Paraphrase/ }).fill('The two hostnames were easy to confuse.');
  await note.getByRole('button', { name: 'Publish paraphrase' }).click();
  await expect(flagged).toHaveCount(1);
  await expect(alice.page.getByText('Bob should have double-checked')).toHaveCount(0);

  // Way out 3: keep it, with a reason that stays with the report's metadata.
  const lessons = flagged.filter({ hasText: 'Lessons learned' });
  await lessons.getByRole('button', { name: 'Keep with a reason…' }).click();
  await lessons.getByRole('textbox', { name: /^Why publish it as it is/ }).fill('Quoted from the customer statement');
  await lessons.getByRole('button', { name: 'Keep it' }).click();
  await expect(lessons).toContainText('Kept, because: Quoted from the customer statement');
  await expect(review.getByTestId('publish-checklist')).not.toContainText('read as blame');

  await review.getByRole('button', { name: 'Publish report' }).click();
  const reportUrl = await review.getByTestId('report-link').getAttribute('href');

  // Back later for a new version: the Review step starts from what the last one decided (kept words, roles).
  await review.reload();
  await review.getByRole('tab', { name: /Findings/ }).click();
  await expect(flagged.filter({ hasText: 'Lessons learned' })).toContainText('Kept, because: Quoted from the customer statement');
  await expect(review.getByTestId('publish-checklist')).not.toContainText('read as blame');
  await expect
    .poll(async () => names.getByRole('textbox', { name: 'Role' }).evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value)))
    .toContain('the on-call engineer');

  // A reader with no key: no name, no blame the team did not choose to keep, the paraphrase marked, no reason shown.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(reportUrl!);
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  const page = await reader.locator('body').innerText();
  expect(page).not.toMatch(/\bbob\b/i);
  expect(page).not.toContain('should have double-checked');
  expect(page).not.toContain('carelessly');
  expect(page).not.toContain('customer statement');
  await expect(reader.getByRole('listitem').filter({ hasText: 'The two hostnames were easy to confuse.' })).toContainText(
    '(paraphrased by the facilitator)',
  );
  await reader.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });
  await testInfo.attach('report.png', { path: testInfo.outputPath('report.png'), contentType: 'image/png' });
  await reader.context().close();
});
