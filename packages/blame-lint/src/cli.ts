import { readFileSync } from 'node:fs';
import { checkBlame } from './check.ts';
import { loadBlameModel } from './model/loaded.ts';

/**
 * `pnpm blame-check [-- file]`: one JSON object per input line (from the file, or standard input):
 * {"line": n, "flagged": boolean, "issues": [{start, end, kind, message, suggestion}]}. Always exits 0.
 */
export function runCli(args: string[], readStdin: () => string, write: (line: string) => void): void {
  const path = args.filter((arg) => arg !== '--')[0];
  const text = path ? readFileSync(path, 'utf8') : readStdin();
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((statement, index) => {
    const issues = checkBlame(statement).map(({ start, end, kind, message, suggestion }) => ({ start, end, kind, message, suggestion }));
    write(JSON.stringify({ line: index + 1, flagged: issues.length > 0, issues }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await loadBlameModel();
  runCli(
    process.argv.slice(2),
    () => readFileSync(0, 'utf8'),
    (line) => process.stdout.write(`${line}\n`),
  );
}
