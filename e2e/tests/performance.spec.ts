import type { Page, TestInfo } from '@playwright/test';
import { FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test, type Team } from '../fixtures/fixtures.ts';
import { seedBoard } from '../fixtures/seed.ts';

/** The target for every interaction, as the browser's own Event Timing (INP) measures it. */
const TARGET_MS = 50;
/**
 * A shared 2-core runner swings by a frame or two run to run, on the small board as on the big one (see
 * docs/benchmarks.md). The guide asks for speed to be reported as figures, not asserted by a timed test that fails
 * on noise: this test prints each figure against the target and fails only on a clear regression, twice the target.
 */
const REGRESSION_MS = 2 * TARGET_MS;

/**
 * The longest event duration (input delay + handlers + the frame that shows the result) recorded since the last
 * call. The Event Timing API records only events of 16 ms or more, so "under 16" means nothing was recorded.
 */
async function longestEvent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Let the frame after the last input be presented, so its entry is complete.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const w = window as unknown as { __eventTimings: number[] };
    const longest = Math.max(0, ...w.__eventTimings);
    w.__eventTimings = [];
    return longest;
  });
}

// Playwright's trace takes a DOM snapshot around every action inside the page: on this board that alone costs
// 100–300 ms of the main thread, in the very frames being measured.
test.use({ trace: 'off' });
// The board is seeded with 300 notes through the API within seconds, far past the per-address note burst limit
// (limits are proven by the server's integration tests); this spec's server runs without limits.
test.use({ serverEnv: { RATE_LIMIT_SCALE: '0' } });

/** A board of the size, and a small one measured the same way as the control: what a frame costs here. */
const BIG = { events: 200, factors: 60, notes: 300 };
const SMALL = { events: 12, factors: 8, notes: 12 };
type BoardSize = typeof BIG;

/** Seeds a board of the given size in Alice's post-mortem and times the same interactions on it. */
async function measureInteractions(team: Team, size: BoardSize): Promise<[string, number][]> {
  await seedBoard(team.links, size);
  // One person's browser is measured; the others would only compete for the same two cores.
  await Promise.all([team.facilitator.page.close(), team.bob.page.close()]);
  const page = team.alice.page;
  await page.addInitScript(() => {
    const w = window as unknown as { __eventTimings: number[] };
    w.__eventTimings = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__eventTimings.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  await page.reload();
  await team.alice.waitForBoard();
  await expect(team.alice.events()).toHaveCount(size.events, { timeout: 30_000 });
  // The blame checker's language model is fetched and built once after first paint (one long task of a few hundred
  // ms, see docs/decisions.md); these figures are for the board once it has settled.
  await expect(page.locator('html[data-blame-model="loaded"]')).toHaveCount(1, { timeout: 30_000 });
  await longestEvent(page);

  const figures: [string, number][] = [];
  /**
   * Times one interaction. Playwright's role and text locators run inside the page, and on a board this size one
   * query takes 50–100 ms of the page's main thread: run just after an input, it would delay the very frame being
   * measured. So measured inputs use plain selectors, and every check runs only after the figure is taken.
   */
  const measure = async (name: string, input: () => Promise<void>) => {
    await input();
    figures.push([name, await longestEvent(page)]);
  };
  const tab = (id: string) => page.locator(`#tab-${id}`);
  const notes = new NotesTab(page);
  const fishbone = new FishboneTab(page);
  const factor = `Factor: Factor ${Math.min(7, size.factors)}:`;

  const first = (await team.alice.events().first().getAttribute('data-event-id'))!;
  const typeIntoFirstEvent = async (text: string) => {
    await team.alice.what(first).click();
    // Ctrl+End: End alone stops at the end of the visual line in a wrapped field.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text, { delay: 30 });
  };
  await measure('type 20 characters into an event', () => typeIntoFirstEvent(' after the rollback'));
  await measure('move between events with ↓ (10×)', async () => {
    await page.keyboard.press('Escape');
    // Each key held 30 ms, so presses come about as fast as a key's auto-repeat, as typing is measured: Playwright
    // alone presses faster than any keyboard.
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown', { delay: 30 });
  });
  await expect(team.alice.events().nth(10).locator('article')).toBeFocused();
  await measure('add an event', () => page.locator('button.add').click());
  await expect(team.alice.events()).toHaveCount(size.events + 1);

  await measure('open Observations', () => tab('notes').click());
  await expect(notes.wall()).toHaveCount(size.notes);
  await measure('type a note (blame hints checked per key)', async () => {
    await page.locator('#new-note-text').click();
    await page.keyboard.type('Bob should have checked the dashboard', { delay: 30 });
  });
  await expect(notes.composer()).toHaveValue('Bob should have checked the dashboard');

  await measure('open Contributing factors', () => tab('factors').click());
  await expect(fishbone.factor(new RegExp(`^${factor}`))).toBeVisible();
  await measure('select a factor', () => page.locator(`[aria-label^="${factor}"]`).click());
  await expect(fishbone.factorText()).toBeVisible();
  await measure('type into the factor', async () => {
    await page.locator('#factor-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and in staging', { delay: 30 });
  });
  await expect(fishbone.factorText()).toHaveValue(/ and in staging$/);
  await measure('open Findings & actions', () => tab('findings').click());
  await expect(page.locator('#panel-findings:not([hidden])')).toBeVisible();
  await measure('back to the Timeline', () => tab('timeline').click());
  await expect(page.locator('#panel-timeline:not([hidden])')).toBeVisible();
  // Opened views stay mounted (hidden): typing on the timeline must not cost more because the others are there.
  await measure('type into an event, every view opened', () => typeIntoFirstEvent(' again'));
  await measure('back to Observations', () => tab('notes').click());
  await expect(notes.composer()).toHaveValue('Bob should have checked the dashboard');
  await expect(team.alice.what(first)).toHaveValue(/after the rollback again$/);
  return figures;
}

const figuresOf = new Map<BoardSize, [string, number][]>();

/** Prints the big board's figures against the target, next to the small board's when it was measured. */
async function report(testInfo: TestInfo): Promise<void> {
  const big = figuresOf.get(BIG) ?? [];
  const small = new Map(figuresOf.get(SMALL) ?? []);
  const ms = (value: number | undefined) => (value === undefined ? '' : value === 0 ? '< 16' : value.toFixed(0)).padStart(5);
  const table = [
    `${'interaction'.padEnd(42)} ${'big'.padStart(8)}  ${'small'.padStart(8)}`,
    ...big.map(
      ([name, value]) =>
        `${name.padEnd(42)} ${ms(value)} ms  ${ms(small.get(name))} ms  ${value < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`,
    ),
  ].join('\n');
  console.log(
    `\nLongest event per interaction (Event Timing, Chromium); big board: ${BIG.notes} notes, ${BIG.events} events, ${BIG.factors} factors; small: ${SMALL.notes}, ${SMALL.events}, ${SMALL.factors}\n${table}\n`,
  );
  await testInfo.attach('interaction-timings.txt', { body: table, contentType: 'text/plain' });
}

// The small board first (tests in a file run in order here, one worker), so the big board's table can show both;
// the two are independent: when the small one failed or the big one is retried, the table prints without the control.
test('a small board, measured the same way: the floor of a frame on this machine', async ({ team }) => {
  test.setTimeout(120_000);
  const figures = await measureInteractions(team, SMALL);
  figuresOf.set(SMALL, figures);
  for (const [name, ms] of figures) expect(ms, name).toBeLessThan(REGRESSION_MS);
});

test('a board with 300 notes, 200 events and 60 factors: interaction timings against the 50 ms target, printed, with regression bounds', async ({
  team,
}, testInfo) => {
  test.setTimeout(180_000);
  const figures = await measureInteractions(team, BIG);
  figuresOf.set(BIG, figures);
  await report(testInfo);
  await team.alice.page.screenshot({ path: testInfo.outputPath('big-board.png'), fullPage: false });
  for (const [name, ms] of figures) expect(ms, name).toBeLessThan(REGRESSION_MS);
});
