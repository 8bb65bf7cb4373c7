// `npm start` / `pnpm start`: install, build the web app if its sources changed, compile the server, and serve with embedded
// storage. Honours HOST, PORT, DATA_DIR (default ./data) and the other variables in the README.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { install, requireNode, root, runPnpm } from './lib/toolchain.mjs';

/** The newest modification time of any file below the given paths. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

requireNode();
await install();

const webBuilt = join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages'].map((p) => join(root, p));
if (!existsSync(webBuilt) || newest(sources) > statSync(webBuilt).mtimeMs) {
  const code = await runPnpm(['--filter', '@debrief/web', 'build']);
  if (code !== 0) process.exit(code);
}

// The server is compiled on every start (about a second), so what runs is never older than its sources.
const built = await runPnpm(['--filter', '@debrief/server', 'build']);
if (built !== 0) process.exit(built);

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
  cwd: join(root, 'apps/server'),
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: resolve(root, process.env.DATA_DIR ?? 'data') },
});
// Pass stop signals on so the server saves open documents before it exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
