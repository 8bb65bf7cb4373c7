// `pnpm --filter @debrief/server build`: compiles the server and the workspace packages it uses into one file,
// dist/main.js, which `npm start` runs with plain Node. Running from source under tsx instead cost about 28 MB of
// memory (a second V8 isolate for the loader) and per-call work in every hot function (its name-keeping
// wrappers); see docs/benchmarks.md. Third-party packages stay in node_modules, loaded as they are published.
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** Where the compiled server is written. */
export const BUNDLE_PATH = join(serverDir, 'dist', 'main.js');

/** The server's npm dependencies (not the workspace's own packages, which ship TypeScript and are compiled in). */
function thirdPartyDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@debrief/'));
}

/**
 * Compiles src/main.ts to dist/main.js (with a source map) and returns its path. Each file is written under a
 * temporary name and renamed, so test processes that build at the same time never start a half-written server.
 */
export async function bundleServer(): Promise<string> {
  const result = await build({
    entryPoints: [join(serverDir, 'src', 'main.ts')],
    outfile: BUNDLE_PATH,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: thirdPartyDependencies(),
    write: false,
    logLevel: 'warning',
  });
  await mkdir(dirname(BUNDLE_PATH), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  return BUNDLE_PATH;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleServer();
  console.log(`built ${BUNDLE_PATH}`);
}
