// `pnpm docs:records`: rewrites the record tables in docs/protocol.md from the declarations.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRecordTables } from './record-tables.ts';

const file = new URL('../../../../docs/protocol.md', import.meta.url);
writeFileSync(file, withRecordTables(readFileSync(file, 'utf8')));
console.log('docs/protocol.md: record tables rewritten');
