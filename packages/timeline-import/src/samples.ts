import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The samples folder beside src. Under a browser-like test environment Vite serves this module from
 * `http://…/@fs/<path>` rather than `file://<path>`, so the path is taken from the URL either way.
 */
const SAMPLES = join(dirname(decodeURIComponent(new URL(import.meta.url).pathname.replace(/^\/@fs/, ''))), '../samples');

/** A sample file's text, for tests. */
export const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');

/** The sample Slack export as the preview sends several day files: one object by file name. */
export function slackExport(days = ['2026-03-07', '2026-03-08'], withUsers = true): string {
  const files: Record<string, unknown> = {};
  for (const day of days) files[`incident-checkout/${day}.json`] = JSON.parse(sample(`slack-export/incident-checkout/${day}.json`));
  if (withUsers) files['users.json'] = JSON.parse(sample('slack-export/users.json'));
  return JSON.stringify(files);
}
