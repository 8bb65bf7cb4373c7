import type { Page } from '@playwright/test';
import { BoardPage, FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { seedBoard } from '../fixtures/seed.ts';

// Eight notes are seeded through the API at once, past the per-address burst limit the server tests prove.
test.use({ serverEnv: { RATE_LIMIT_SCALE: '0' } });

const canvasOf = (page: Page) => page.getByTestId('observations-canvas');
const noteOn = (page: Page, text: string) => canvasOf(page).locator('[data-canvas-note]').filter({ hasText: text });
/** A note's place on the canvas, in canvas units, as its transform says. */
const placeOf = (page: Page, text: string) => noteOn(page, text).evaluate((el) => (el as HTMLElement).style.transform);

async function openCanvas(board: BoardPage) {
  // Tall enough that the canvas, below the composer, is on screen whole: the mouse moves within the window only.
  await board.page.setViewportSize({ width: 1280, height: 1800 });
  await board.page.reload();
  await board.waitForBoard();
  await new NotesTab(board.page).open();
  // On a wide screen the canvas is what the board shows first.
  await expect(board.page.getByRole('button', { name: 'Canvas', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(canvasOf(board.page).locator('[data-canvas-note]')).toHaveCount(8);
  // The view fits the notes once they show; boxes measured before that would be somewhere else after it.
  await expect(canvasOf(board.page)).toHaveAttribute('data-fitted', 'true');
}

/** Drags with the mouse from the middle of one element to a point relative to another, in small steps. */
async function drag(page: Page, text: string, to: { x: number; y: number }) {
  const box = (await noteOn(page, text).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

test('three people arrange notes on a shared canvas: two drag at once and converge, dropping groups into frames, cursors show, the keyboard does it all too', async ({
  team,
}, testInfo) => {
  test.setTimeout(120_000);
  await seedBoard(team.links, { events: 2, factors: 0, notes: 8 });
  const { facilitator: fiona, alice, bob } = team;
  for (const board of [fiona, alice, bob]) await openCanvas(board);

  // Reopening a board this browser keeps a copy of refuses nothing (its copy holds the server's version item).
  for (const board of [fiona, alice, bob]) await expect(board.page.getByText(/refused a change to its schema version/)).toHaveCount(0);

  // Dropping a note on another groups them in a new frame, for everyone.
  const target = (await noteOn(alice.page, 'Observation 2:').boundingBox())!;
  await drag(alice.page, 'Observation 1:', { x: target.x + 60, y: target.y + 60 });
  for (const board of [fiona, bob]) await expect(board.page.getByTestId('canvas-frame')).toHaveCount(1);
  await expect(fiona.page.getByTestId('canvas-frame')).toHaveAttribute('aria-label', /2 notes/);

  // Alice and Bob drag different notes at the same time; all three screens end with the same places.
  const canvasBox = (await canvasOf(alice.page).boundingBox())!;
  const bobCanvas = (await canvasOf(bob.page).boundingBox())!;
  await Promise.all([
    drag(alice.page, 'Observation 5:', { x: canvasBox.x + 120, y: canvasBox.y + 60 }),
    drag(bob.page, 'Observation 6:', { x: bobCanvas.x + bobCanvas.width - 140, y: bobCanvas.y + 80 }),
  ]);
  for (const text of ['Observation 5:', 'Observation 6:']) {
    const place = await placeOf(alice.page, text);
    for (const board of [bob, fiona]) await expect.poll(() => placeOf(board.page, text)).toBe(place);
  }

  // Dropping a note into a frame puts it in that theme.
  const frame = (await bob.page.getByTestId('canvas-frame').boundingBox())!;
  await drag(bob.page, 'Observation 7:', { x: frame.x + frame.width - 30, y: frame.y + frame.height - 20 });
  await expect(alice.page.getByTestId('canvas-frame')).toHaveAttribute('aria-label', /3 notes/);

  // Bob's pointer is seen by the others, with his name.
  await expect(async () => {
    await bob.page.mouse.move(bobCanvas.x + 200 + Math.random() * 50, bobCanvas.y + 200);
    await expect(alice.page.getByTestId('remote-cursor').filter({ hasText: 'Bob' })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  // The keyboard path: focus a note, move it with the arrows, select two with Enter, group them with G.
  const three = noteOn(fiona.page, 'Observation 3:');
  const before = await placeOf(fiona.page, 'Observation 3:');
  await three.focus();
  await fiona.page.keyboard.press('ArrowRight');
  await fiona.page.keyboard.press('ArrowRight');
  await expect.poll(() => placeOf(alice.page, 'Observation 3:')).not.toBe(before);
  const [x0] = before.match(/-?\d+/g)!.map(Number);
  await expect.poll(async () => Number((await placeOf(alice.page, 'Observation 3:')).match(/-?\d+/)![0])).toBe(x0! + 40);
  await fiona.page.keyboard.press('Enter');
  await noteOn(fiona.page, 'Observation 4:').focus();
  await fiona.page.keyboard.press('Enter');
  await fiona.page.keyboard.press('g');
  for (const board of [alice, bob]) await expect(board.page.getByTestId('canvas-frame')).toHaveCount(2);
  await testInfo.attach('canvas.png', { body: await alice.page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('the fishbone is on the canvas: a note dropped on a bone is cited there for everyone; pointers show on the fishbone tab too', async ({
  team,
}, testInfo) => {
  test.setTimeout(90_000);
  await seedBoard(team.links, { events: 1, factors: 0, notes: 8 });
  const { alice, bob } = team;
  for (const board of [alice, bob]) await openCanvas(board);

  // Alice drags a note onto the Tooling bone of the fish drawn above the notes.
  const fish = canvasOf(alice.page).getByTestId('canvas-fishbone');
  await expect(fish).toBeVisible();
  const before = await placeOf(alice.page, 'Observation 1:');
  const bone = (await fish.locator('[data-canvas-bone]').filter({ hasText: 'Tooling' }).locator('rect').boundingBox())!;
  await drag(alice.page, 'Observation 1:', { x: bone.x + bone.width / 2, y: bone.y + bone.height / 2 });

  // A factor on that bone cites the note, for everyone; the note itself goes back to its place.
  const bobFish = new FishboneTab(bob.page);
  await bobFish.open();
  const factor = bobFish.factor(/^Factor: Observation 1:/);
  await expect(factor).toBeVisible();
  await expect(factor).toHaveAttribute('aria-label', /Tooling/);
  await expect.poll(() => placeOf(alice.page, 'Observation 1:')).toBe(before);
  await expect(noteOn(alice.page, 'Observation 1:').getByTestId('cited-by')).toBeVisible();
  await expect(fish.locator('[data-canvas-bone]').filter({ hasText: 'Tooling' })).toContainText('Observation 1:');

  // From the keyboard: F on a note chooses a bone and cites it there.
  await noteOn(alice.page, 'Observation 2:').focus();
  await alice.page.keyboard.press('f');
  await expect(alice.page.getByRole('combobox', { name: /Cite this note as a factor on/ })).toBeFocused();
  await alice.page.getByRole('combobox', { name: /Cite this note as a factor on/ }).selectOption({ label: 'Process' });
  await alice.page.getByRole('button', { name: 'Cite', exact: true }).click();
  await expect(bobFish.factor(/^Factor: Observation 2:/)).toHaveAttribute('aria-label', /Process/);
  await expect(noteOn(alice.page, 'Observation 2:')).toBeFocused();

  // Bob's pointer on the fishbone tab is seen by Alice there, with his name.
  const aliceFish = new FishboneTab(alice.page);
  await aliceFish.open();
  const diagram = (await bobFish.diagram().boundingBox())!;
  await expect(async () => {
    await bob.page.mouse.move(diagram.x + 100 + Math.random() * 50, diagram.y + 60);
    await expect(alice.page.getByTestId('remote-cursor').filter({ hasText: 'Bob' })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await testInfo.attach('fishbone-cursor.png', { body: await alice.page.screenshot(), contentType: 'image/png' });
});

test('on a tablet, two fingers pinch to zoom and pan the canvas, one finger drags a note for everyone', async ({ team, browser }, testInfo) => {
  test.setTimeout(90_000);
  await seedBoard(team.links, { events: 1, factors: 0, notes: 8 });
  await openCanvas(team.alice);
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true, isMobile: true });
  const tess = new BoardPage(await tablet.newPage());
  await tess.join(team.links.participantUrl, 'Tess');
  const notes = new NotesTab(tess.page);
  await notes.open();
  const canvas = canvasOf(tess.page);
  await expect(canvas).toHaveAttribute('data-fitted', 'true');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const plane = canvas.locator('.plane');
  const view = async () => {
    const [x, y, scale] = (await plane.evaluate((el) => (el as HTMLElement).style.transform)).match(/-?[\d.]+/g)!.map(Number);
    return { x: x!, y: y!, scale: scale! };
  };

  const cdp = await tablet.newCDPSession(tess.page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Spread two fingers from 80 px apart to 240 px apart: the canvas zooms in about three times.
  const start = await view();
  await touch('touchStart', [
    { x: cx - 40, y: cy },
    { x: cx + 40, y: cy },
  ]);
  for (let i = 1; i <= 8; i++)
    await touch('touchMove', [
      { x: cx - 40 - 10 * i, y: cy },
      { x: cx + 40 + 10 * i, y: cy },
    ]);
  // Then both move down 100 px together: a pan. (Touches are handled in the page's next frames: let them land.)
  const settled = () => tess.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await settled();
  const zoomed = await view();
  for (let i = 1; i <= 5; i++)
    await touch('touchMove', [
      { x: cx - 120, y: cy + 20 * i },
      { x: cx + 120, y: cy + 20 * i },
    ]);
  await touch('touchEnd', []);
  await settled();
  expect(zoomed.scale / start.scale).toBeGreaterThan(2.5);
  expect(zoomed.scale / start.scale).toBeLessThan(3.5);
  const panned = await view();
  expect(Math.abs(panned.scale / zoomed.scale - 1)).toBeLessThan(0.02);
  expect(panned.y - zoomed.y).toBeGreaterThan(80);

  // One finger on a note drags it; Alice sees it move. A tap's click comes after the touch is acknowledged, so the
  // view is fitted only once the plane has left the zoomed view: measure the note after that, or the finger misses it.
  const zoomedView = await plane.evaluate((el) => (el as HTMLElement).style.transform);
  await tess.page.getByRole('button', { name: 'Fit', exact: true }).tap();
  await expect.poll(() => plane.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(zoomedView);
  await settled();
  const note = noteOn(tess.page, 'Observation 2:');
  const before = await placeOf(team.alice.page, 'Observation 2:');
  const at = (await note.boundingBox())!;
  const from = { x: at.x + at.width / 2, y: at.y + 10 };
  const underFinger = await tess.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-canvas-note]')?.textContent ?? '', from);
  expect(underFinger, 'the finger goes down on the note').toContain('Observation 2:');
  await touch('touchStart', [from]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: from.x + 8 * i, y: from.y + 30 * i }]);
  await touch('touchEnd', []);
  await expect.poll(() => placeOf(team.alice.page, 'Observation 2:')).not.toBe(before);
  await testInfo.attach('tablet-canvas.png', { body: await tess.page.screenshot(), contentType: 'image/png' });
  await tablet.close();
});
