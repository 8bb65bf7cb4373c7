import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { recordTables, withRecordTables } from './record-tables.ts';

it('docs/protocol.md shows the record tables the declarations give (run `pnpm docs:records` after changing them)', () => {
  const markdown = readFileSync(new URL('../../../../docs/protocol.md', import.meta.url), 'utf8');
  expect(withRecordTables(markdown), 'docs/protocol.md is out of date: run `pnpm docs:records`').toBe(markdown);
});

it('renders every declared field with its type and limit', () => {
  const tables = recordTables();
  expect(tables).toContain('| `evidence` | string (http-url) | ≤ 2,000 characters |');
  expect(tables).toContain('| `sources` | Y.Array<string> | ≤ 200 entries |');
  expect(tables).toContain("| `moderation` | `''` \\| `'hidden'` \\| `'paraphrased'` |");
});
