// `npm test` / `pnpm test`: every quality gate, in the order that fails fastest. Installs what it needs
// (dependencies, a Chromium), runs typecheck, lint, the blame checker's speed benchmark, unit + integration tests
// (the blame model's accuracy on held-out authors among them) and end-to-end tests in Chromium, then prints one
// summary. Exits non-zero if any gate failed.
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureServices } from './lib/services.mjs';
import { install, requireNode, root, runPnpm } from './lib/toolchain.mjs';

requireNode();
await install();
const chromium = await ensureChromium();
console.log(`End-to-end tests will use ${chromium}.`);
for (const line of await ensureServices()) console.log(line);

const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const gates = [
  ['build (web app, server)', ['run', 'build']],
  ['typecheck', ['-r', '--no-bail', 'typecheck']],
  ['lint (eslint, prettier)', ['run', 'lint']],
  ['blame checker speed (pnpm bench:blame)', ['run', 'bench:blame']],
  ['unit + integration (vitest)', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'vitest.json')}`]],
  ['end-to-end (playwright, chromium)', ['--filter', '@debrief/e2e', 'test']],
];

const outcomes = [];
for (const [name, args] of gates) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const env = { ...process.env, DEBRIEF_E2E_SKIP_BUILD: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'e2e.json') };
  const code = await runPnpm(args, { env });
  outcomes.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (name.startsWith('build') && code !== 0) break; // nothing after it can run without the app
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = readJson(join(results, 'vitest.json'));
const e2e = readJson(join(results, 'e2e.json'));
const passed = (vitest?.numPassedTests ?? 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);

console.log('\n=== summary ===');
for (const { name, ok, seconds } of outcomes) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)`);
if (e2e?.stats.flaky) console.log(`note: ${e2e.stats.flaky} end-to-end test(s) passed only on retry`);
const allOk = outcomes.length === gates.length && outcomes.every((o) => o.ok);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
