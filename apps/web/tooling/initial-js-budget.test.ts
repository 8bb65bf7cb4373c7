import { expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { initialChunks } from './initial-js-budget.ts';

const chunk = (fileName: string, isEntry: boolean, imports: string[] = [], dynamicImports: string[] = []) =>
  ({ type: 'chunk', fileName, isEntry, imports, dynamicImports, code: 'x' }) as unknown;

it('counts entry chunks and their static imports, never lazy-loaded ones or assets', () => {
  const bundle = {
    'index.js': chunk('index.js', true, ['shared.js'], ['chart.js']),
    'shared.js': chunk('shared.js', false, ['deep.js']),
    'deep.js': chunk('deep.js', false),
    'chart.js': chunk('chart.js', false, ['shared.js']),
    'style.css': { type: 'asset', fileName: 'style.css' },
  } as unknown as Rolldown.OutputBundle;
  expect(
    initialChunks(bundle)
      .map((c) => c.fileName)
      .sort(),
  ).toEqual(['deep.js', 'index.js', 'shared.js']);
});
