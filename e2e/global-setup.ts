import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../apps/web', import.meta.url));

/** The tests drive the built app as users get it; build it unless the test script just did. */
export default function globalSetup(): void {
  if (process.env.DEBRIEF_E2E_SKIP_BUILD === '1' && existsSync(`${web}/dist/index.html`)) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { cwd: web, stdio: 'inherit' });
}
