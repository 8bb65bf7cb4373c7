import { readFile } from 'node:fs/promises';
import { chooseOption, FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { seedBoard } from '../fixtures/seed.ts';

test('two people build a fishbone together: factors, whys four deep, a cited note and event, export', async ({ team }, testInfo) => {
  const { alice, bob, facilitator } = team;
  // Material to cite: a timeline event and a revealed note.
  await alice.addEvent('Index rebuild started on the primary');
  const bobNotes = new NotesTab(bob.page);
  await bobNotes.open();
  await bobNotes.write('The rebuild job has no rate limit and starves search queries.', undefined, 'Index rebuild started');
  const fionaNotes = new NotesTab(facilitator.page);
  await fionaNotes.open();
  await fionaNotes.release();
  await expect(bobNotes.wall()).toHaveCount(1);
  await expect(bobNotes.wall()).toContainText('↳');
  await expect(bobNotes.wall()).toContainText('Index rebuild started on the primary');

  const a = new FishboneTab(alice.page);
  const b = new FishboneTab(bob.page);
  await a.open();
  await b.open();
  await expect(a.page.getByText('There is no “People” bone')).toBeVisible();
  await expect(a.category('People')).toHaveCount(0);

  await a.addFactor('Process', 'Rebuilds run during peak hours');
  await expect(b.factor('Rebuilds run during peak hours')).toBeVisible({ timeout: 1_000 });
  await b.addFactor('Monitoring & detection', 'Latency alert window is 15 minutes');
  await expect(a.factor('Latency alert window is 15 minutes')).toBeVisible({ timeout: 1_000 });

  // The five whys: nest four levels under Alice's factor.
  await a.factor('Rebuilds run during peak hours').click();
  await a.askWhy('No maintenance calendar exists');
  await a.askWhy('Nobody owns scheduling for shared jobs');
  await a.askWhy('The platform team split without a handover');
  await a.askWhy('Reorgs have no checklist for orphaned duties');
  await expect(b.factor(/^Factor: Reorgs have no checklist.*why level 4/)).toBeVisible();

  // Bob sees who is editing what (by name), live.
  await b.factor('Latency alert window is 15 minutes').click();
  await b.factorText().click();
  await expect(a.factor(/^Factor: Latency alert window.*being edited by Bob/)).toBeVisible();
  // Evidence can also be chosen in the inspector, from every note and event of the board.
  await chooseOption(b.page.getByRole('combobox', { name: 'Evidence' }), 'Index rebuild started');
  await expect(a.factor(/^Factor: Latency alert window.*cites event/)).toBeVisible();

  // Cite the note by dragging it onto a bone, and the event from the keyboard. The tray sits under the diagram, so
  // dragging needs both on screen (a tall one here); on a shorter screen the tray's "Cite … on" picker does it.
  await a.page.setViewportSize({ width: 1280, height: 1500 });
  const note = a.page.getByTestId('evidence-item').filter({ hasText: 'rate limit' });
  await note.dragTo(a.category('Tooling'));
  await expect(a.factor(/^Factor: The rebuild job has no rate limit.*cites note/)).toBeVisible();
  const event = a.page.getByTestId('evidence-item').filter({ hasText: 'Index rebuild started' });
  await event.getByRole('button', { name: /^Cite event/ }).click();
  await event.getByRole('combobox', { name: 'Bone to cite it on' }).selectOption({ label: 'Safeguards & architecture' });
  await expect(b.factor(/^Factor: Index rebuild started on the primary.*cites event/)).toBeVisible();

  // The link shows on the other side too, and survives an edit of the note's factor.
  await b.factor(/^Factor: The rebuild job has no rate limit/).click();
  await b.factorText().press('End');
  await b.page.keyboard.type(' (no throttle)');
  await bob.page.getByRole('tab', { name: /Observations/ }).click();
  await expect(bob.shownView().getByTestId('cited-by')).toContainText('(no throttle)');
  await bob.page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(bob.shownView().getByTestId('cited-by')).toContainText('Index rebuild started on the primary');

  await a.page.getByRole('button', { name: 'Fit to screen' }).click();
  await a.diagram().screenshot({ path: testInfo.outputPath('fishbone.png') });
  await testInfo.attach('fishbone.png', { path: testInfo.outputPath('fishbone.png'), contentType: 'image/png' });

  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export SVG' }).click()]);
  const svg = await readFile(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/fishbone\.svg$/);
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('Reorgs have no checklist');
  expect(svg).not.toContain('Add factor');
  const [png] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');
});

test('the fishbone works from the keyboard: select, add, ask why, remove with confirmation', async ({ team }) => {
  const a = new FishboneTab(team.alice.page);
  await a.open();
  await a.category('Process').focus();
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.press('a');
  await expect(a.factorText()).toBeFocused();
  await a.page.keyboard.type('Deploys skip the canary');
  await a.factor('Deploys skip the canary').focus();
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.press('w');
  await a.page.keyboard.type('The canary stage is optional in the pipeline');
  await a.factor('The canary stage is optional in the pipeline').focus();
  await a.page.keyboard.press('ArrowUp');
  await expect(a.factor('Deploys skip the canary')).toBeFocused();
  await a.page.keyboard.press('Delete');
  const dialog = a.page.getByRole('dialog', { name: 'Remove this factor?' });
  await expect(dialog).toContainText('and its whys');
  await a.page.keyboard.press('Enter');
  await expect(a.factor('Deploys skip the canary')).toHaveCount(0);
  await expect(new FishboneTab(team.bob.page).page.getByText('Deploys skip the canary')).toHaveCount(0);
  // Undo brings it back for everyone.
  await a.page.keyboard.press('Control+z');
  await expect(a.factor('Deploys skip the canary')).toBeVisible();
});

test('bones can be renamed, added, reordered and removed (asking first when not empty)', async ({ team }) => {
  const a = new FishboneTab(team.alice.page);
  const b = new FishboneTab(team.bob.page);
  await a.open();
  await b.open();
  await a.page.getByRole('button', { name: '+ Add bone' }).click();
  await a.page.getByRole('textbox', { name: 'Name' }).fill('Capacity planning');
  await a.page.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(b.category('Capacity planning')).toBeVisible();
  await a.page.getByRole('button', { name: 'Move bone earlier' }).click();
  await expect
    .poll(async () =>
      (
        await b
          .diagram()
          .getByRole('button', { name: /^Category / })
          .allTextContents()
      ).at(-2),
    )
    .toContain('Capacity');
  await a.addFactor('Capacity planning', 'No load test before launch');
  await a.category('Capacity planning').click();
  await a.page.getByRole('button', { name: 'Remove bone' }).click();
  await expect(a.page.getByRole('dialog', { name: 'Remove this bone?' })).toContainText('1 factors');
  await a.page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(b.category('Capacity planning')).toHaveCount(0);
});

test('a fish too wide for the screen stands upright: text at least 12 px, every bone inside the viewport on opening', async ({ team }, testInfo) => {
  await seedBoard(team.links, { events: 0, factors: 12, notes: 0 });
  const fishbone = new FishboneTab(team.alice.page);
  await team.alice.page.reload();
  await team.alice.waitForBoard();
  await fishbone.open();
  await expect(fishbone.factor(/^Factor: Factor 12:/)).toBeVisible();
  // The viewport's height follows the scale, so the fit must centre the drawing in the height it ends up with.
  await expect(async () => {
    const viewport = (await fishbone.diagram().boundingBox())!;
    for (const bone of ['Process', 'Safeguards & architecture']) {
      const box = (await fishbone.category(bone).boundingBox())!;
      expect(box.y, `${bone} top`).toBeGreaterThanOrEqual(viewport.y);
      expect(box.y + box.height, `${bone} bottom`).toBeLessThanOrEqual(viewport.y + viewport.height);
      expect(box.x + box.width, `${bone} right`).toBeLessThanOrEqual(viewport.x + viewport.width);
    }
    // 13-unit text drawn at the view's scale: at least 12 px on screen at 100 % zoom.
    const scale = await team.alice.page.locator('g[data-viewport]').evaluate((g) => (g as SVGGraphicsElement).getCTM()!.a);
    expect(13 * scale).toBeGreaterThanOrEqual(12);
  }).toPass({ timeout: 3_000 });
  await testInfo.attach('upright-fishbone.png', { body: await team.alice.page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
