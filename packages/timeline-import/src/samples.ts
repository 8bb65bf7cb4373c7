import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A sample file's text, for tests (the samples folder sits beside src). */
export const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../samples/${name}`, import.meta.url)), 'utf8');

/** The sample Slack export as the preview sends several day files: one object by file name. */
export function slackExport(days = ['2026-03-07', '2026-03-08'], withUsers = true): string {
  const files: Record<string, unknown> = {};
  for (const day of days) files[`incident-checkout/${day}.json`] = JSON.parse(sample(`slack-export/incident-checkout/${day}.json`));
  if (withUsers) files['users.json'] = JSON.parse(sample('slack-export/users.json'));
  return JSON.stringify(files);
}
