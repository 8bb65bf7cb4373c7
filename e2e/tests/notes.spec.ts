import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('silent writing, a reveal of a crowd in one shuffled order, nothing on screen says whose a note is, authors edit from "My notes"', async ({
  team,
}, testInfo) => {
  const [fiona, alice, bob] = [team.facilitator, team.alice, team.bob].map((board) => new NotesTab(board.page));
  for (const tab of [fiona!, alice!, bob!]) await tab.open();

  await alice!.write('Alerts for the search cluster go to a channel nobody watches at night.');
  await alice!.write('The rebuild job has no rate limit.', 'Pink');
  // Two notes are not a crowd: releasing them would tell the room who just wrote them.
  await expect(fiona!.waitingCount()).toContainText('2 notes are waiting');
  await expect(fiona!.revealButton()).toBeDisabled();
  await expect(fiona!.page.getByText(/releases at least 3 notes at once/)).toBeVisible();
  await bob!.write('Runbook step 4 points to a deleted dashboard.', 'Blue');

  // Silent writing: everyone sees a count, nobody (not even the facilitator) sees anyone else's text.
  for (const tab of [fiona!, alice!, bob!]) await expect(tab.waitingCount()).toContainText('3 notes are waiting');
  await expect(bob!.page.getByText('The rebuild job has no rate limit.')).toHaveCount(0);
  await expect(fiona!.page.getByText('Runbook step 4')).toHaveCount(0);
  await expect(alice!.page.getByText('Runbook step 4')).toHaveCount(0);
  // Nor are one's own notes on the board: they wait in the private list, closed until asked for.
  await expect(alice!.page.getByText('The rebuild job has no rate limit.')).toBeHidden();
  await expect(alice!.revealButton()).toHaveCount(0);
  await expect(bob!.revealButton()).toHaveCount(0);
  await testInfo.attach('alice-silent-writing.png', { body: await alice!.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await fiona!.revealButton().click();
  await expect(fiona!.wall()).toHaveCount(3);
  const order = await fiona!.wallTexts();
  expect(order).toHaveLength(3);
  for (const tab of [alice!, bob!]) {
    await expect(tab.wall()).toHaveCount(3);
    expect(await tab.wallTexts()).toEqual(order);
    await expect(tab.waitingCount()).toContainText('No notes waiting');
  }
  // A shared or recorded screen shows nothing of authorship: no names, no "yours", no controls only an author gets.
  for (const tab of [fiona!, alice!, bob!]) {
    for (const mark of ['Alice', 'Bob', 'Fiona', /yours/i]) await expect(tab.wall().filter({ hasText: mark })).toHaveCount(0);
    await expect(tab.wall().getByRole('button', { name: /^(Edit|Withdraw)$/ })).toHaveCount(0);
    await expect(tab.myNotes()).toBeHidden();
  }
  // Not even in the page's markup (a class or attribute a screen reader or a screenshot tool could surface).
  for (const tab of [alice!, bob!]) expect(await tab.page.getByTestId('observations-canvas').innerHTML()).not.toMatch(/\b(?:mine|yours|my-note)\b/i);
  await testInfo.attach('alice-after-reveal.png', { body: await alice!.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // The author edits from the private list: everyone sees the new text.
  const entry = await alice!.openMine('rate limit');
  await expect(alice!.myNotes().getByTestId('my-note')).toHaveCount(2);
  await expect(entry).toContainText('On the board');
  await testInfo.attach('alice-my-notes.png', { body: await alice!.page.screenshot(), contentType: 'image/png' });
  const noteId = await entry.getAttribute('data-note-id');
  // By id from here: while it is edited, its text is in a field, not in the entry's text.
  const mine = alice!.myNotes().locator(`[data-note-id="${noteId}"]`);
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByRole('textbox', { name: 'Your observation' }).fill('The rebuild job has no rate limit, so it starves queries.');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(bob!.wall().filter({ hasText: 'so it starves queries' })).toBeVisible();

  // Another participant's list has only their own note, and the server refuses them anyway.
  const bobsOwn = await bob!.openMine('Runbook step 4');
  await expect(bob!.myNotes().getByTestId('my-note')).toHaveCount(1);
  await expect(bobsOwn).toBeVisible();
  await bob!.myNotes().getByRole('button', { name: 'Close' }).click();
  const bobsSecret = await bob!.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('debrief:notes:'))!;
    return (JSON.parse(localStorage.getItem(key)!) as { secret: string }[])[0]!.secret;
  });
  const link = new URL(team.links.participantUrl);
  const forged = await bob!.page.request.delete(`${link.origin}/api/postmortems${link.pathname.slice(3)}/notes/${noteId}`, {
    headers: { authorization: `Bearer ${link.hash.slice(3)}`, 'x-note-secret': bobsSecret },
  });
  expect(forged.status()).toBe(403);
  await expect(bob!.wall()).toHaveCount(3);

  // The author withdraws it: gone for everyone.
  await mine.getByRole('button', { name: 'Withdraw' }).click();
  await mine.getByRole('button', { name: 'Withdraw' }).click();
  await expect(alice!.myNotes().getByTestId('my-note')).toHaveCount(1);
  for (const tab of [fiona!, alice!, bob!]) {
    await expect(tab.wall()).toHaveCount(2);
    await expect(tab.page.getByText('so it starves queries')).toHaveCount(0);
  }
});

test('the facilitator hides spam in bulk and paraphrases a blaming note; the board and the authors learn it, nobody learns who wrote them', async ({
  team,
}, testInfo) => {
  const [fiona, alice, bob] = [team.facilitator, team.alice, team.bob].map((board) => new NotesTab(board.page));
  for (const tab of [fiona!, alice!, bob!]) await tab.open();
  await alice!.write('Bob should have double-checked the hostname.');
  await bob!.write('Buy cheap watches at example.test');
  await bob!.write('Buy cheap watches, now with free shipping');
  await bob!.write('Both database hosts had near-identical names.');
  await fiona!.revealButton().click();
  for (const tab of [fiona!, alice!, bob!]) await expect(tab.wall()).toHaveCount(4);

  // Only the facilitator sees a quiet marker on what the blame checker flags, and the moderation controls.
  await expect(fiona!.wall().filter({ hasText: 'should have double-checked' }).getByTestId('blame-flag')).toHaveCount(1);
  await expect(fiona!.page.getByTestId('blame-flag')).toHaveCount(1);
  for (const tab of [alice!, bob!]) {
    await expect(tab.page.getByTestId('blame-flag')).toHaveCount(0);
    await expect(tab.wall().getByRole('button', { name: /^(Hide|Paraphrase)$/ })).toHaveCount(0);
  }

  // A paraphrase in its place, marked as the facilitator's.
  const blaming = fiona!.wall().filter({ hasText: 'should have double-checked' });
  await blaming.getByRole('button', { name: 'Paraphrase' }).click();
  await blaming.getByRole('textbox', { name: /^Paraphrase/ }).fill('The two database hostnames were easy to confuse.');
  await fiona!.page.getByRole('button', { name: 'Publish paraphrase' }).click();
  for (const tab of [fiona!, alice!, bob!]) {
    const note = tab.wall().filter({ hasText: 'easy to confuse' });
    await expect(note).toContainText('Paraphrased by the facilitator');
    await expect(tab.page.getByText('Bob should have double-checked')).toHaveCount(0);
  }

  // Spam, hidden in bulk (selected in the list): gone from every board; the facilitator can show it again.
  await fiona!.showList();
  for (const text of ['example.test', 'free shipping'])
    await fiona!.wall().filter({ hasText: text }).getByRole('checkbox', { name: 'Select' }).check();
  await fiona!.page.getByRole('button', { name: 'Hide selected' }).click();
  for (const tab of [fiona!, alice!, bob!]) {
    await expect(tab.wall()).toHaveCount(2);
    await expect(tab.page.getByText(/cheap watches/)).toHaveCount(0);
  }
  await expect(bob!.page.getByTestId('hidden-count')).toHaveText('The facilitator hid 2 notes.');
  await expect(fiona!.page.getByTestId('hidden-notes')).toContainText('2 hidden notes');

  // Each author learns what happened to their own notes, in their private list; nothing else changes for them.
  const alicesNote = await alice!.openMine('should have double-checked');
  await expect(alicesNote).toContainText('Paraphrased by the facilitator');
  await expect(alicesNote).toContainText('The board shows: “The two database hostnames were easy to confuse.”');
  await expect(alicesNote.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  const bobsList = (await bob!.openMine('example.test')).page();
  await expect(bob!.myNotes().getByTestId('my-note').filter({ hasText: 'Hidden by the facilitator' })).toHaveCount(2);
  await expect(bob!.myNotes().getByTestId('my-note').filter({ hasText: 'On the board' })).toHaveCount(1);
  await testInfo.attach('bob-my-notes-after-moderation.png', { body: await bobsList.screenshot(), contentType: 'image/png' });
  await testInfo.attach('fiona-after-moderation.png', { body: await fiona!.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await fiona!.page.getByTestId('hidden-notes').locator('summary').click();
  await fiona!.page.getByTestId('hidden-notes').getByRole('button', { name: 'Show again' }).first().click();
  for (const tab of [fiona!, alice!]) await expect(tab.wall()).toHaveCount(3);
});

test('ending Observations releases a lone note only after a warning, and everyone sees that the round was small', async ({ team }) => {
  const [fiona, alice, bob] = [team.facilitator, team.alice, team.bob].map((board) => new NotesTab(board.page));
  await fiona!.page.getByRole('button', { name: 'Next phase: Observations' }).click();
  for (const tab of [fiona!, alice!, bob!]) await expect(tab.composer()).toBeVisible();
  await alice!.write('Nobody owned the search cluster after the reorg.');
  await expect(fiona!.revealButton()).toBeDisabled();

  await fiona!.page.getByRole('button', { name: 'Next phase: Reveal & group' }).click();
  const warning = fiona!.page.getByRole('dialog');
  await expect(warning).toContainText('Release only 1 note?');
  await expect(warning).toContainText('people may guess who wrote them');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(fiona!.waitingCount()).toContainText('1 note is waiting');

  await fiona!.page.getByRole('button', { name: 'Next phase: Reveal & group' }).click();
  await warning.getByRole('button', { name: 'Release and continue' }).click();
  for (const tab of [fiona!, alice!, bob!]) {
    await expect(tab.wall()).toHaveCount(1);
    await expect(tab.page.getByTestId('small-round')).toContainText('The last reveal released only 1 note');
  }
  await expect(bob!.page.getByTestId('phase-prompt')).toContainText('Reveal & group');
});

test('writing a note sends nothing until it is submitted: no typing signal, no presence change', async ({ team }) => {
  const alice = new NotesTab(team.alice.page);
  await alice.open();
  await alice.composer().click();
  // Watch the already-open collaboration socket at the protocol level.
  const frames: string[] = [];
  const cdp = await team.alice.page.context().newCDPSession(team.alice.page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameSent', (event) => frames.push(event.response.payloadData));

  await team.alice.page.keyboard.type('Nobody owned the search cluster after the reorg', { delay: 20 });
  await team.alice.page.waitForTimeout(500);
  // An awareness heartbeat may fall into the window; a typing signal would be a frame per keystroke.
  expect(frames.length).toBeLessThan(2);
  for (const frame of frames) expect(Buffer.from(frame, 'base64').toString('latin1')).not.toContain('Nobody owned');
  await expect(team.bob.page.getByRole('tab', { name: /waiting/ })).toHaveCount(0);

  // Looking something up on the timeline keeps the half-written note: the view stays mounted while hidden.
  await team.alice.page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(alice.composer()).toBeHidden();
  await alice.open();
  await expect(alice.composer()).toHaveValue('Nobody owned the search cluster after the reorg');

  await team.alice.page.getByRole('button', { name: 'Add note' }).click();
  await expect(team.bob.page.getByRole('tab', { name: /1 waiting/ })).toBeVisible();
});
