import { NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

test('silent writing, reveal in one shuffled order, no authors, and only the author edits', async ({ team }, testInfo) => {
  const [fiona, alice, bob] = [team.facilitator, team.alice, team.bob].map((board) => new NotesTab(board.page));
  for (const tab of [fiona!, alice!, bob!]) await tab.open();

  await alice!.write('Alerts for the search cluster go to a channel nobody watches at night.');
  await alice!.write('The rebuild job has no rate limit.', 'Pink');
  await bob!.write('Runbook step 4 points to a deleted dashboard.', 'Blue');

  // Silent writing: everyone sees a count, nobody (not even the facilitator) sees anyone else's text.
  for (const tab of [fiona!, alice!, bob!]) await expect(tab.waitingCount()).toContainText('3 notes are waiting');
  await expect(bob!.page.getByText('The rebuild job has no rate limit.')).toHaveCount(0);
  await expect(fiona!.page.getByText('Runbook step 4')).toHaveCount(0);
  await expect(alice!.page.getByText('Runbook step 4')).toHaveCount(0);
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
  for (const tab of [fiona!, alice!, bob!]) {
    for (const name of ['Alice', 'Bob', 'Fiona']) await expect(tab.wall().filter({ hasText: name })).toHaveCount(0);
  }
  await expect(alice!.wall().filter({ hasText: 'yours' })).toHaveCount(2);
  await expect(bob!.wall().filter({ hasText: 'yours' })).toHaveCount(1);
  await expect(fiona!.wall().filter({ hasText: 'yours' })).toHaveCount(0);
  await testInfo.attach('bob-after-reveal.png', { body: await bob!.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // The author edits: everyone sees the new text.
  const noteId = await alice!.wall().filter({ hasText: 'rate limit' }).getAttribute('data-note-id');
  const alicesNote = alice!.page.locator(`[data-note-id="${noteId}"]`);
  await alicesNote.getByRole('button', { name: 'Edit' }).click();
  await alicesNote.getByRole('textbox', { name: 'Your observation' }).fill('The rebuild job has no rate limit, so it starves queries.');
  await alicesNote.getByRole('button', { name: 'Save' }).click();
  await expect(bob!.wall().filter({ hasText: 'so it starves queries' })).toBeVisible();

  // Another participant has no controls on it, and the server refuses them anyway.
  const onBobsBoard = bob!.wall().filter({ hasText: 'so it starves queries' });
  await expect(onBobsBoard.getByRole('button')).toHaveCount(0);
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
  await alicesNote.getByRole('button', { name: 'Withdraw' }).click();
  await alicesNote.getByRole('button', { name: 'Withdraw' }).click();
  for (const tab of [fiona!, alice!, bob!]) {
    await expect(tab.wall()).toHaveCount(2);
    await expect(tab.page.getByText('so it starves queries')).toHaveCount(0);
  }
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
