import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The JavaScript a first visit downloads before the app runs: entry chunks and everything they import statically. */
export function initialChunks(bundle: OutputBundle): OutputChunk[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((item): item is OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const initial = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || initial.has(chunk.fileName)) return;
    initial.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(chunks.get(name));
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);
  return [...initial.values()];
}

/**
 * Prints the initial JavaScript's gzipped size and fails the build above `limitKb`: lazy-loaded chunks (the chart,
 * exports) do not count, because a first visit does not wait for them.
 */
export function initialJsBudget(limitKb: number): Plugin {
  return {
    name: 'debrief-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = initialChunks(bundle);
      const gzipped = chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
      const kb = gzipped / 1024;
      const line = `initial JavaScript: ${kb.toFixed(1)} KB gzipped in ${chunks.length} file(s) (budget ${limitKb} KB)`;
      if (kb > limitKb) this.error(`${line}: over budget. Lazy-load what the first screen does not need.`);
      this.info(line);
    },
  };
}
