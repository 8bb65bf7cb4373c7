import { expect, test } from '../fixtures/fixtures.ts';

const ONE_SECOND = { timeout: 1_000 };

test('two participants add and edit events and see each other within a second', async ({ team }, testInfo) => {
  const { alice, bob } = team;

  const first = await alice.addEvent('Deploy of config v42 started');
  await expect(bob.what(first)).toHaveValue('Deploy of config v42 started', ONE_SECOND);

  const second = await bob.addEvent('Error-rate alert fired for checkout');
  await expect(alice.what(second)).toHaveValue('Error-rate alert fired for checkout', ONE_SECOND);

  // A row opens into its form to edit it; the others stay one line each.
  await bob.openEvent(first);
  await expect(bob.card(second)).not.toHaveClass(/\bopen\b/);
  await bob.known(first).click();
  await bob.page.keyboard.type('Canary looked healthy');
  await expect(alice.known(first)).toHaveValue('Canary looked healthy', ONE_SECOND);

  await alice.marker(second).selectOption('decision');
  await expect(bob.marker(second)).toHaveValue('decision', ONE_SECOND);

  await alice.openEvent(second);
  await alice.evidence(second).fill('https://grafana.example.com/d/checkout?from=now-1h');
  await alice.evidence(second).press('Enter');
  await expect(bob.evidence(second)).toHaveValue('https://grafana.example.com/d/checkout?from=now-1h', ONE_SECOND);
  // Closed, the row still shows what was known and links the evidence.
  await expect(bob.event(second).getByRole('link', { name: 'Evidence ↗' })).toHaveAttribute('href', /grafana/);
  await expect(alice.event(first).getByTestId('event-summary')).toContainText('Known then: Canary looked healthy');

  await bob.what(first).click();
  await expect(alice.editorsOn(first)).toHaveText('✎ Bob', ONE_SECOND);
  await testInfo.attach('alice-sees-bob-editing.png', { body: await alice.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  // Moving to another event sends only where Bob ends up; leaving the timeline clears it.
  await bob.what(second).click();
  await expect(alice.editorsOn(second)).toHaveText('✎ Bob', ONE_SECOND);
  await expect(alice.editorsOn(first)).toHaveCount(0);
  await bob.page.locator('#tab-notes').click();
  await expect(alice.editorsOn(second)).toHaveCount(0, ONE_SECOND);
});

test('events stay sorted by time for everyone, shown in each viewer’s zone', async ({ team }) => {
  const { alice, bob } = team;
  const early = await alice.addEvent('Config change merged');
  const late = await alice.addEvent('Rollback finished');
  await alice.setTime(early, '2026-11-01T14:10');
  await alice.setTime(late, '2026-11-01T14:40');
  const middle = await bob.addEvent('On-call paged');
  // Bob is in New York: 08:20 there is 14:20 in Berlin.
  await bob.setTime(middle, '2026-11-01T08:20');

  const order = ['Config change merged', 'On-call paged', 'Rollback finished'];
  await expect.poll(() => alice.whatInOrder(), ONE_SECOND).toEqual(order);
  await expect.poll(() => bob.whatInOrder(), ONE_SECOND).toEqual(order);
  await expect(alice.event(middle)).toContainText('14:20 CET');
  await expect(bob.event(middle)).toContainText('08:20 GMT-5');
});

test('simultaneous typing in the same field loses no keystrokes', async ({ team }) => {
  const { alice, bob } = team;
  const id = await alice.addEvent('DB');
  await expect(bob.what(id)).toHaveValue('DB');

  await bob.what(id).click();
  await bob.what(id).press('End');
  await alice.what(id).press('Home');
  await Promise.all([bob.page.keyboard.type(' failover started', { delay: 15 }), alice.page.keyboard.type('Primary ', { delay: 15 })]);

  for (const board of [alice, bob]) await expect(board.what(id)).toHaveValue('Primary DB failover started');
});

test('over-long text and bad links are refused with a visible message', async ({ team }) => {
  const { alice, bob } = team;
  const id = await alice.addEvent('Short text');
  await alice.what(id).fill('x'.repeat(501));
  await expect(alice.event(id).getByRole('alert')).toContainText('limited to 500 characters');
  await expect(alice.what(id)).toHaveValue('Short text');
  await expect(bob.what(id)).toHaveValue('Short text');

  await alice.evidence(id).fill('javascript:alert(1)');
  await alice.evidence(id).press('Enter');
  await expect(alice.event(id).getByText('The link must start with https:// or http://.')).toBeVisible();
  await expect(bob.evidence(id)).toHaveValue('');
});

test('undo and redo cover only your own edits', async ({ team }) => {
  const { alice, bob } = team;
  const mine = await alice.addEvent('Alice event');
  const theirs = await bob.addEvent('Bob event');
  await expect(alice.what(theirs)).toHaveValue('Bob event');

  await alice.card(mine).focus();
  // Typing and adding are separate steps: the first undo takes back the text, the second the event.
  await alice.page.keyboard.press('Control+z');
  await expect(bob.what(mine)).toHaveValue('');
  await alice.page.keyboard.press('Control+z');
  await expect(alice.event(mine)).toHaveCount(0);
  await expect(bob.event(mine)).toHaveCount(0);
  await expect(alice.what(theirs)).toHaveValue('Bob event');

  await alice.page.keyboard.press('Control+Shift+z');
  await alice.page.keyboard.press('Control+Shift+z');
  await expect(bob.what(mine)).toHaveValue('Alice event');
});
