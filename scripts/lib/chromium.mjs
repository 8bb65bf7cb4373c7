// Makes sure the end-to-end tests have a Chromium: Debian's package where apt is available (Playwright's own
// download is blocked on some networks), otherwise Playwright's managed browser.
import { existsSync } from 'node:fs';
import { hasCommand, isRoot, run, runPnpm } from './toolchain.mjs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Returns a description of the Chromium in use; exits with a clear message if none can be had. */
export async function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const present = SYSTEM_PATHS.find((path) => existsSync(path));
  if (present) return present;

  if (process.platform === 'linux' && hasCommand('apt-get') && (isRoot || hasCommand('sudo'))) {
    console.log('Installing Chromium from Debian packages for the end-to-end tests…');
    const sudo = isRoot ? [] : ['sudo'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = await run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? [] : ['apt-get']), 'update', '-qq'], { env });
    const installCode =
      update === 0 ? await run(sudo[0] ?? 'apt-get', [...(isRoot ? [] : ['apt-get']), 'install', '-y', '-qq', 'chromium'], { env }) : update;
    const installed = SYSTEM_PATHS.find((path) => existsSync(path));
    if (installCode === 0 && installed) return installed;
    console.warn('Installing Debian Chromium failed; trying Playwright’s own browser download.');
  }

  const code = await runPnpm(['--filter', '@debrief/e2e', 'exec', 'playwright', 'install', 'chromium']);
  if (code !== 0) {
    console.error('No Chromium is available for the end-to-end tests. Install Chromium, or set CHROMIUM_PATH.');
    process.exit(1);
  }
  return 'Playwright’s Chromium';
}
