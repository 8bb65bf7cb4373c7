import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FishboneTab, NotesTab } from '../fixtures/board-page.ts';
import { expect, test } from '../fixtures/fixtures.ts';

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

test('the landing page and every board section pass an axe scan with no serious or critical violations', async ({ team, landing }) => {
  // Six full axe scans of boards three people have open take most of a minute on 2 cores (57 s in one full run).
  test.setTimeout(120_000);
  expect(await seriousViolations(landing.page)).toEqual([]);

  const { alice, facilitator } = team;
  const event = await alice.addEvent('Deploy started');
  await alice.marker(event).selectOption('decision');
  expect(await seriousViolations(alice.page)).toEqual([]);
  // The incident's details form, and the facilitator's import dialog with a preview.
  await alice.page.getByRole('button', { name: 'Add severity, services, teams…' }).click();
  await expect(alice.page.getByTestId('incident-details-form')).toBeVisible();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await facilitator.page.getByRole('button', { name: 'Import…' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Import into the timeline' });
  await dialog.getByLabel('Or paste text').fill('2026-11-01T13:05:00Z <fiona> rolled back\n2026-11-01T13:09:00Z <bob> errors gone');
  await expect(dialog.getByTestId('import-row')).toHaveCount(2);
  expect(await seriousViolations(facilitator.page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const notes = new NotesTab(alice.page);
  await notes.open();
  await notes.write('The deploy tool does not show which config it applies.');
  const fiona = new NotesTab(facilitator.page);
  await fiona.open();
  await fiona.release();
  await expect(notes.wall()).toHaveCount(1);
  // The canvas (the default view here) with a theme frame and the fishbone on it, then the list view.
  await expect(alice.page.getByTestId('observations-canvas')).toHaveAttribute('data-fitted', 'true');
  await alice.page.locator('[data-canvas-note]').focus();
  await alice.page.keyboard.press('g');
  await expect(alice.page.getByTestId('canvas-frame')).toHaveCount(1);
  await expect(alice.page.getByTestId('canvas-fishbone')).toBeVisible();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await notes.showList();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await notes.showCanvas();
  expect(await seriousViolations(facilitator.page)).toEqual([]);

  const fishbone = new FishboneTab(alice.page);
  await fishbone.open();
  await fishbone.addFactor('Tooling', 'The deploy tool hides the applied config');
  await fishbone.askWhy('Nobody owns the deploy tool');
  expect(await seriousViolations(alice.page)).toEqual([]);

  // The facilitator's findings and actions, and the Actions page.
  await facilitator.page.getByRole('tab', { name: /Observations/ }).click();
  await facilitator.page.getByRole('button', { name: /^Promote note/ }).click();
  await facilitator.page.getByRole('combobox', { name: /^Finding type for/ }).selectOption({ label: 'Root cause' });
  await facilitator.page.getByRole('tab', { name: /Findings/ }).click();
  await facilitator.page.getByRole('button', { name: '+ Action' }).click();
  await facilitator.page.keyboard.type('Show the config diff before every deploy');
  expect(await seriousViolations(facilitator.page)).toEqual([]);
  await alice.page.getByRole('tab', { name: /Findings/ }).click();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await facilitator.page.goto(new URL('/actions', team.links.facilitatorUrl).toString());
  await expect(facilitator.page.getByTestId('action-row')).toHaveCount(1);
  expect(await seriousViolations(facilitator.page)).toEqual([]);
});
