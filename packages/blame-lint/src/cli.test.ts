import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'packages/blame-lint/src/cli.ts', ...args], { cwd: root, input, encoding: 'utf8' });

it('reads standard input and prints one JSON object per line', () => {
  const out = cli([], 'Bob should have checked the dashboard\nThe health check failed\n')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(out).toHaveLength(2);
  expect(out[0]).toMatchObject({ line: 1, flagged: true, issues: [{ start: 4, end: 15, kind: 'counterfactual' }] });
  expect(Object.keys(out[0].issues[0]).sort()).toEqual(['end', 'kind', 'message', 'start', 'suggestion']);
  expect(out[1]).toEqual({ line: 2, flagged: false, issues: [] });
});

it('reads a file given after --, keeps empty lines as statements, and exits 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blame-'));
  const file = join(dir, 'pm.txt');
  writeFileSync(file, 'Human error.\n\nDave restarted the primary\n');
  const out = cli(['--', file])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(out.map((o) => [o.line, o.flagged])).toEqual([
    [1, true],
    [2, false],
    [3, false],
  ]);
});
