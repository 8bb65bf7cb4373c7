import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The tests drive the built app as users get it; build it unless the caller just did. */
export default function globalSetup(): void {
  if (process.env.DEBRIEF_E2E_SKIP_BUILD === '1' && existsSync(`${root}/apps/web/dist/index.html`)) return;
  execFileSync('pnpm', ['--filter', '@debrief/web', 'build'], { cwd: root, stdio: 'inherit' });
}
