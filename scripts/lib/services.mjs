// PostgreSQL and Redis for the integration tests that run Debrief on them. Starts them when they are installed but
// not running; in CI (root, apt) installs them first. On a machine without them those tests say they are skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { hasCommand, isRoot, run } from './toolchain.mjs';

const answers = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

async function waitFor(port, seconds = 20) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await answers(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const canInstall = () => Boolean(process.env.CI) && process.platform === 'linux' && isRoot && hasCommand('apt-get');

async function aptInstall(...packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0) return false;
  return (await run('apt-get', ['install', '-y', '-qq', ...packages], { env })) === 0;
}

/** A fresh Debian cluster asks for passwords on 127.0.0.1; the tests use trust there and a database `test`. */
async function prepareFreshCluster(version) {
  const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
  const rules = readFileSync(hba, 'utf8');
  if (!rules.includes('# debrief tests')) writeFileSync(hba, `# debrief tests\nhost all all 127.0.0.1/32 trust\n${rules}`);
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'reload']);
  await run('runuser', ['-u', 'postgres', '--', 'createdb', 'test']);
}

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return 'PostgreSQL: TEST_DATABASE_URL';
  if (await answers(5432)) return 'PostgreSQL: running on 127.0.0.1:5432';
  let fresh = false;
  if (!hasCommand('pg_ctlcluster') && canInstall()) {
    console.log('Installing PostgreSQL from Debian packages for the integration tests…');
    fresh = await aptInstall('postgresql');
  }
  if (hasCommand('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql').sort().at(-1);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    if ((await waitFor(5432)) && fresh) await prepareFreshCluster(version);
  }
  return (await answers(5432)) ? 'PostgreSQL: started on 127.0.0.1:5432' : 'PostgreSQL: NOT AVAILABLE (its tests will be skipped)';
}

async function ensureRedis() {
  if (process.env.TEST_REDIS_URL) return 'Redis: TEST_REDIS_URL';
  if (await answers(6379)) return 'Redis: running on 127.0.0.1:6379';
  if (!hasCommand('redis-server') && canInstall()) {
    console.log('Installing Redis from Debian packages for the integration tests…');
    await aptInstall('redis-server');
  }
  if (hasCommand('redis-server')) {
    try {
      execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']);
    } catch {
      // reported below
    }
    await waitFor(6379);
  }
  return (await answers(6379)) ? 'Redis: started on 127.0.0.1:6379' : 'Redis: NOT AVAILABLE (its tests will be skipped)';
}

/** Makes PostgreSQL and Redis answer on 127.0.0.1 if this machine can; returns one line about each. */
export async function ensureServices() {
  return [await ensurePostgres(), await ensureRedis()];
}
