import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { groupOnCanvas, moveNotes, readNotes } from '@debrief/model';
import { NotesTab } from '../fixtures/board-page.ts';
import { CursorPeer } from '../fixtures/cursor-peers.ts';
import { expect, test } from '../fixtures/fixtures.ts';
import { linkParts, seedBoard } from '../fixtures/seed.ts';

/** The target: 95 % of frames during a drag under this, on 2 cores. */
const FRAME_TARGET_MS = 20;
/** Others on the board, each moving a pointer over the canvas as fast as a browser sends one (20 a second). */
const PEERS = Number(process.env.CANVAS_PEERS ?? 49);
const CURSOR_HZ = 20;
const SIZE = { notes: 300, frames: 20, notesPerFrame: 5 };

// As in performance.spec.ts: a trace's DOM snapshots would cost the very frames measured; 300 seeded notes are far
// past the per-address burst limit (proven by the server's own tests), so this server runs without limits.
test.use({ trace: 'off', serverEnv: { RATE_LIMIT_SCALE: '0' } });

/** A Yjs client in this process on one of the post-mortem's documents, once synced. */
async function connect(origin: string, name: string, key: string) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${origin.replace('http', 'ws')}/collab`, WebSocketPolyfill: WebSocket as never });
  const provider = await new Promise<HocuspocusProvider>((resolve, reject) => {
    const p: HocuspocusProvider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      token: key,
      document: doc,
      onSynced: () => resolve(p),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
    });
    p.attach();
  });
  const settled = () =>
    new Promise<void>((resolve) => {
      const wait = () => (provider.hasUnsyncedChanges ? setTimeout(wait, 20) : resolve());
      wait();
    });
  return { doc, provider, settled, close: () => (provider.destroy(), socket.destroy()) };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

test('the canvas with 300 notes, 20 frames and 50 people’s pointers: frame times during a drag, time to show a remote move', async ({
  team,
}, testInfo) => {
  test.setTimeout(300_000);
  await seedBoard(team.links, { events: 1, factors: 6, notes: SIZE.notes });
  const { origin, id, participantKey } = linkParts(team.links.participantUrl, team.links.facilitatorUrl);

  // Twenty themes of five notes, framed around the plane as people would leave them.
  const notes = await connect(origin, `${id}/notes`, participantKey);
  const ids = readNotes(notes.doc).map((n) => n.id);
  notes.close();
  expect(ids).toHaveLength(SIZE.notes);
  const writer = await connect(origin, `${id}/board`, participantKey);
  writer.doc.transact(() => {
    for (let f = 0; f < SIZE.frames; f++)
      groupOnCanvas(
        writer.doc,
        ids.slice(f * SIZE.notesPerFrame, (f + 1) * SIZE.notesPerFrame),
        { x: (f % 5) * 800, y: -2400 + Math.floor(f / 5) * 600 },
        `Theme ${f + 1}`,
      );
  });
  await writer.settled();

  // One person's browser is measured; the other two would only compete for the same two cores.
  await Promise.all([team.facilitator.page.close(), team.bob.page.close()]);
  const page = team.alice.page;
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.reload();
  await team.alice.waitForBoard();
  await new NotesTab(page).open();
  const canvas = page.getByTestId('observations-canvas');
  await expect(canvas).toHaveAttribute('data-fitted', 'true', { timeout: 30_000 });
  await expect(canvas.locator('[data-canvas-note]')).toHaveCount(SIZE.notes, { timeout: 30_000 });
  await expect(canvas.getByTestId('canvas-frame')).toHaveCount(SIZE.frames);
  await expect(page.locator('html[data-blame-model="loaded"]')).toHaveCount(1, { timeout: 30_000 });

  // 49 others point at the canvas, each moving 20 times a second.
  const peers = await Promise.all(
    Array.from({ length: PEERS }, (_, i) =>
      CursorPeer.connect(origin, `${id}/board`, participantKey, `Person ${i + 1}`, `#${(0x204060 + i * 0x030507).toString(16).slice(-6)}`),
    ),
  );
  let tick = 0;
  const moving = setInterval(() => {
    tick++;
    peers.forEach((peer, i) => {
      const angle = (tick + i * 7) / 10;
      peer.pointAt(Math.round(1500 + 600 * Math.cos(angle) + i * 10), Math.round(400 * Math.sin(angle)));
    });
  }, 1000 / CURSOR_HZ);
  try {
    await expect(page.getByTestId('remote-cursor')).toHaveCount(PEERS, { timeout: 20_000 });

    // Frame times while Alice drags a note across the canvas (60 pointer moves), from the page's own frames.
    const note = canvas.locator(`[data-canvas-note="${ids[200]}"]`);
    const box = (await note.boundingBox())!;
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__frames = [];
      w.__recording = true;
      let last = performance.now();
      const frame = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (w.__recording) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 400, box.y - 300, { steps: 60 });
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const under = frames.filter((ms) => ms < FRAME_TARGET_MS).length / frames.length;

    // Time to show a remote move: another client moves a note; the page sees its new place in the next frame.
    const target = ids[299]!;
    const delays: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const x = 6000 + i * 10;
      await page.evaluate(
        ({ target, x }) => {
          const w = window as unknown as { __shown: Promise<number> };
          const el = document.querySelector(`[data-canvas-note="${target}"]`)!;
          w.__shown = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (!(el as HTMLElement).style.transform.startsWith(`translate(${x}px`)) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(Date.now()));
            });
            observer.observe(el, { attributes: true, attributeFilter: ['style'] });
          });
        },
        { target, x },
      );
      const sent = Date.now();
      moveNotes(writer.doc, [{ id: target, x, y: 0 }]);
      const shown = await page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
      delays.push(shown - sent);
    }
    delays.sort((a, b) => a - b);

    const lines = [
      `canvas: ${SIZE.notes} notes, ${SIZE.frames} frames, ${PEERS + 1} people (${PEERS} pointers moving ${CURSOR_HZ}×/s)`,
      `frames during a drag: ${frames.length}, p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, ` +
        `max ${sorted.at(-1)!.toFixed(1)} ms; ${(under * 100).toFixed(0)} % under ${FRAME_TARGET_MS} ms (target 95 %)`,
      `remote move shown after: p50 ${quantile(delays, 0.5)} ms, p95 ${quantile(delays, 0.95)} ms, max ${delays.at(-1)} ms`,
    ];
    console.log(lines.join('\n'));
    testInfo.annotations.push({ type: 'canvas performance', description: lines.join(' | ') });
    await testInfo.attach('canvas-300-notes.png', { body: await page.screenshot(), contentType: 'image/png' });
    // Figures are reported, not asserted to the millisecond (a shared runner swings): only a clear regression fails,
    // frames at twice the target or a remote move that takes a second.
    expect(quantile(sorted, 0.95)).toBeLessThan(2 * FRAME_TARGET_MS);
    expect(quantile(delays, 0.5)).toBeLessThan(1_000);
  } finally {
    clearInterval(moving);
    for (const peer of peers) peer.close();
    writer.close();
  }
});
