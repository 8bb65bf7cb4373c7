import { BOARD_SCHEMA_VERSION } from '../board/shape.ts';
import { FINDINGS_SCHEMA_VERSION } from '../findings/shape.ts';
import { BALLOT_DECLARATION } from '../notes/ballot.ts';
import { NOTES_SCHEMA_VERSION } from '../notes/shape.ts';
import { REPORT_SCHEMA } from '../publish/report-snapshot.ts';
import { BOARD_RECORDS } from './board-records.ts';
import type { FieldSpec, RecordSpec } from './fields.ts';
import { FINDINGS_RECORDS } from './findings-records.ts';
import { NOTES_RECORDS } from './notes-records.ts';

interface DocumentRecords {
  single: Readonly<Record<string, RecordSpec>>;
  collections: Readonly<Record<string, RecordSpec>>;
}

const DOCUMENTS: { name: string; version: number; writers: string; records: DocumentRecords; extra?: string }[] = [
  {
    name: 'board',
    version: BOARD_SCHEMA_VERSION,
    writers: 'the facilitator and participants; the server repairs every record a client writes to its declaration',
    records: BOARD_RECORDS,
    extra: '`noteThemes`: Y.Map<noteId, themeId>, a revealed note belongs to at most one theme (both ids checked by the server).',
  },
  {
    name: 'notes',
    version: NOTES_SCHEMA_VERSION,
    writers: 'the server only; every connection is read-only',
    records: NOTES_RECORDS,
    extra: '`votes`: Y.Map<target, number>, dot-vote tallies per target ("note:<id>", "theme:<id>", "factor:<id>"); who voted is never here.',
  },
  { name: 'findings', version: FINDINGS_SCHEMA_VERSION, writers: 'the facilitator only; participants are read-only', records: FINDINGS_RECORDS },
];

function typeOf(spec: FieldSpec): string {
  switch (spec.type) {
    case 'text':
      return 'Y.Text';
    case 'string':
      return spec.format ? `string (${spec.format})` : 'string';
    case 'enum':
      return spec.values.map((value) => `\`'${value}'\``).join(' \\| ');
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'list':
      return 'Y.Array<string>';
  }
}

function limitOf(spec: FieldSpec): string {
  if (spec.type === 'text' || spec.type === 'string') return `≤ ${spec.max.toLocaleString('en')} characters`;
  if (spec.type === 'list') return `≤ ${spec.max.toLocaleString('en')} entries`;
  if (spec.type === 'number' && (spec.min !== undefined || spec.max !== undefined))
    return `${(spec.min ?? -Infinity).toLocaleString('en')} to ${(spec.max ?? Infinity).toLocaleString('en')}`;
  return '';
}

function table(root: string, record: RecordSpec, keyed: boolean): string[] {
  const heading = keyed ? `\`${root}\`: Y.Map<id, Y.Map> of **${record.name}** records` : `\`${root}\`: one **${record.name}** record (a Y.Map)`;
  const rows = Object.entries(record.fields).map(
    ([field, spec]) => `| \`${field}\` | ${typeOf(spec)} | ${limitOf(spec)} | ${spec.doc.replaceAll('|', '\\|')} |`,
  );
  return [heading, '', '| field | type | limit | meaning |', '|---|---|---|---|', ...rows, ''];
}

/**
 * The record tables of docs/protocol.md, rendered from the declarations: the documentation cannot drift from what
 * the server enforces (a test compares them; `pnpm docs:records` rewrites them).
 */
export function recordTables(): string {
  const lines: string[] = [];
  for (const document of DOCUMENTS) {
    lines.push(`#### \`<id>/${document.name}\`, schema version ${document.version}`, '', `Written by ${document.writers}.`, '');
    for (const [root, record] of Object.entries(document.records.single)) lines.push(...table(root, record, false));
    for (const [root, record] of Object.entries(document.records.collections)) lines.push(...table(root, record, true));
    if (document.extra) lines.push(document.extra, '');
  }
  const { votes } = BALLOT_DECLARATION;
  lines.push(
    '#### Kept by the server, never in a document',
    '',
    `- **${BALLOT_DECLARATION.name}**, ${BALLOT_DECLARATION.stored}: \`votes\`, ${votes.doc}, ≤ ${votes.max} entries, each \`${votes.pattern.source}\`.`,
    `- **report** (\`${REPORT_SCHEMA}\`), one snapshot per published version: declared and upgraded on read in \`packages/model/src/publish/report-snapshot.ts\`; its sections are in report.md.`,
    '',
  );
  return lines.join('\n').trimEnd();
}

export const RECORD_TABLES_BEGIN = '<!-- record tables: generated from packages/model/src/schema by `pnpm docs:records`; do not edit -->';
export const RECORD_TABLES_END = '<!-- end of record tables -->';

/** The document with its record tables replaced by the current ones. */
export function withRecordTables(markdown: string): string {
  const begin = markdown.indexOf(RECORD_TABLES_BEGIN);
  const end = markdown.indexOf(RECORD_TABLES_END);
  if (begin < 0 || end < begin) throw new Error(`the markers ${RECORD_TABLES_BEGIN} and ${RECORD_TABLES_END} are missing`);
  return `${markdown.slice(0, begin + RECORD_TABLES_BEGIN.length)}\n\n${recordTables()}\n\n${markdown.slice(end)}`;
}
