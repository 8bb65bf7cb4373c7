import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createTheme, metaMap, placementsMap, readNotes, readThemes, themesMap } from '@debrief/model';
import { BoardPage, NotesTab } from '../fixtures/board-page.ts';
import { writeDirectly } from '../fixtures/direct-writer.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { createPostmortem, linkParts, seedBoard } from '../fixtures/seed.ts';

// Six notes are seeded through the API at once, past the per-address burst limit the server tests prove.
test.use({ serverEnv: { RATE_LIMIT_SCALE: '0' } });

/** The board document as the server keeps it on disk (lowdb: one JSON file per post-mortem, base64 Yjs state). */
async function onDisk(dataDir: string, id: string) {
  const path = join(dataDir, 'data', 'postmortems', `${id}.json`);
  const file = JSON.parse(await readFile(path, 'utf8')) as { documents: Record<string, string> };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(file.documents.board!, 'base64')));
  const save = () =>
    writeFile(path, JSON.stringify({ ...file, documents: { ...file.documents, board: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') } }));
  return { doc, save };
}

test('a board grouped before the canvas existed opens on the canvas with each theme a frame holding its notes, for everyone', async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const links = await createPostmortem(server.url, { title: 'Search outage', summary: 'Search was down for 20 minutes.' });
  await seedBoard(links, { events: 1, factors: 0, notes: 6 });
  const { origin, id, participantKey } = linkParts(links.participantUrl, links.facilitatorUrl);

  // Two themes, grouped as the wall grouped them.
  let noteIds: string[] = [];
  await writeDirectly(origin, `${id}/notes`, participantKey, (doc) => (noteIds = readNotes(doc).map((n) => n.id)));
  await writeDirectly(origin, `${id}/board`, participantKey, (doc) => {
    createTheme(doc, 'Alerting', noteIds.slice(0, 3));
    createTheme(doc, 'Runbooks', noteIds.slice(3, 5));
  });
  // Saved (the server writes within a few seconds), then the server stops.
  await expect.poll(async () => readThemes((await onDisk(server.dataDir, id)).doc).length, { timeout: 20_000 }).toBe(2);
  await server.kill();

  // On disk, the board goes back to how a server from before the canvas left it: schema version 2, themes without
  // frames, no note placed anywhere.
  const old = await onDisk(server.dataDir, id);
  old.doc.transact(() => {
    themesMap(old.doc).forEach((theme) => ['x', 'y', 'width', 'height'].forEach((key) => (theme as Y.Map<unknown>).delete(key)));
    placementsMap(old.doc).clear();
    metaMap(old.doc).set('schemaVersion', 2);
  });
  expect(readThemes(old.doc).map((t) => t.width)).toEqual([0, 0]);
  await old.save();
  await server.start();

  // Two people open it: the canvas shows two frames, each note of a theme inside its frame, the same for both.
  const boards: BoardPage[] = [];
  for (const name of ['Alice', 'Bob']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    const board = new BoardPage(await context.newPage());
    await board.join(links.participantUrl, name);
    await new NotesTab(board.page).open();
    await expect(board.page.getByTestId('observations-canvas')).toHaveAttribute('data-fitted', 'true');
    boards.push(board);
  }
  for (const board of boards) {
    await expect(board.page.getByTestId('canvas-frame')).toHaveCount(2);
    // A frame's title is a field; its label names the theme and counts its notes.
    const frame = (title: string) => board.page.locator(`[data-testid="canvas-frame"][aria-label^="Theme ${title},"]`);
    await expect(frame('Alerting')).toHaveAttribute('aria-label', /3 notes/);
    await expect(frame('Runbooks')).toHaveAttribute('aria-label', /2 notes/);
    for (const [title, notes] of [
      ['Alerting', noteIds.slice(0, 3)],
      ['Runbooks', noteIds.slice(3, 5)],
    ] as const) {
      const area = (await frame(title).boundingBox())!;
      for (const note of notes) {
        const box = (await board.page.locator(`[data-canvas-note="${note}"]`).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(area.x - 1);
        expect(box.y).toBeGreaterThanOrEqual(area.y - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
      }
    }
    // The ungrouped note is on the wall, outside both frames.
    const loose = (await board.page.locator(`[data-canvas-note="${noteIds[5]}"]`).boundingBox())!;
    for (const title of ['Alerting', 'Runbooks']) {
      const area = (await frame(title).boundingBox())!;
      expect(loose.y >= area.y + area.height || loose.x >= area.x + area.width || loose.x + loose.width <= area.x).toBe(true);
    }
  }
  await testInfo.attach('migrated-board.png', { body: await boards[0]!.page.screenshot(), contentType: 'image/png' });
  for (const board of boards) await board.page.context().close();
});
