import type * as Y from 'yjs';
import { boardMigrations } from '../board/migrations.ts';
import { BOARD_SCHEMA_VERSION } from '../board/shape.ts';
import { findingsMigrations } from '../findings/migrations.ts';
import { FINDINGS_SCHEMA_VERSION } from '../findings/shape.ts';
import { notesMigrations } from '../notes/migrations.ts';
import { NOTES_SCHEMA_VERSION } from '../notes/shape.ts';
import { assertReadable, migrate, type Migration } from './versioning.ts';

/** The Yjs documents of one post-mortem (see DESIGN.md, "Documents and permissions"). */
export const DOCUMENT_KINDS = ['board', 'notes', 'findings'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind's current schema version and the migrations that lead to it. */
export const DOCUMENT_SCHEMAS: Record<DocumentKind, { version: number; migrations: readonly Migration[] }> = {
  board: { version: BOARD_SCHEMA_VERSION, migrations: boardMigrations },
  notes: { version: NOTES_SCHEMA_VERSION, migrations: notesMigrations },
  findings: { version: FINDINGS_SCHEMA_VERSION, migrations: findingsMigrations },
};

/** Brings a document of the given kind to the current schema (an empty document gets the full shape). */
export function migrateDocument(kind: DocumentKind, doc: Y.Doc): { from: number; to: number } {
  const { version, migrations } = DOCUMENT_SCHEMAS[kind];
  return migrate(doc, migrations, version);
}

/** Throws NewerSchemaError when a client meets a document newer than it understands. */
export function assertDocumentReadable(kind: DocumentKind, doc: Y.Doc): void {
  assertReadable(doc, DOCUMENT_SCHEMAS[kind].version);
}
