// Shared by start.mjs and test.mjs: find or fetch pnpm, run commands, check Node. Plain Node, no dependencies,
// because these run before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

/** Refuses to go on with a Node older than the stack needs, with a message saying what to do. */
export function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Debrief needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

/** The command that runs the pinned pnpm: the one running us, a global one of the same major, or npx. */
export function pnpm() {
  const execpath = process.env.npm_execpath ?? '';
  if (/^pnpm(\.c?js)?$/.test(basename(execpath))) return { cmd: process.execPath, args: [execpath] };
  try {
    const version = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (version.split('.')[0] === pinned.split('.')[0]) return { cmd: 'pnpm', args: [] };
  } catch {
    // no global pnpm
  }
  return { cmd: 'npx', args: ['--yes', `pnpm@${pinned}`] };
}

/** Runs a command with inherited output; resolves with its exit code. */
/** True when a command is on the PATH. */
export function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`could not run ${cmd}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs pnpm with the given arguments. */
export function runPnpm(args, options) {
  const { cmd, args: prefix } = pnpm();
  return run(cmd, [...prefix, ...args], options);
}

/** Installs the workspace exactly as locked. */
export async function install() {
  const code = await runPnpm(['install', '--frozen-lockfile', '--prefer-offline']);
  if (code !== 0) {
    console.error('Installing dependencies failed (see above).');
    process.exit(code);
  }
}
