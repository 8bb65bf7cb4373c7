import type * as Y from 'yjs';
import { BOARD_SCHEMA_VERSION, boardSchemaVersion, metaMap } from './shape.ts';

/** One step that brings a board from `version - 1` to `version`. */
export interface Migration {
  version: number;
  description: string;
  up: (doc: Y.Doc) => void;
}

/** Ordered: each entry's version is one more than the previous one's. */
export const boardMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'stamp the schema version on boards created before versions existed',
    up: (doc) => {
      const meta = metaMap(doc);
      for (const key of ['title', 'incidentAt', 'summary']) {
        if (typeof meta.get(key) !== 'string') meta.set(key, '');
      }
    },
  },
];

/** Thrown when a board was written by a newer Debrief than this code knows; writing to it could corrupt it. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`This board uses schema version ${found}, but this version of Debrief only knows up to ${supported}.`);
    this.name = 'NewerSchemaError';
  }
}

/** Applies every pending migration in one transaction; returns the versions it moved between. */
export function migrateBoard(
  doc: Y.Doc,
  migrations: readonly Migration[] = boardMigrations,
  target = BOARD_SCHEMA_VERSION,
): { from: number; to: number } {
  const from = boardSchemaVersion(doc);
  if (from > target) throw new NewerSchemaError(from, target);
  if (from === target) return { from, to: from };
  doc.transact(() => {
    for (const migration of migrations) {
      if (migration.version <= from || migration.version > target) continue;
      migration.up(doc);
      metaMap(doc).set('schemaVersion', migration.version);
    }
  }, 'migration');
  return { from, to: boardSchemaVersion(doc) };
}

/** Throws NewerSchemaError when a client meets a board newer than it understands. */
export function assertBoardReadable(doc: Y.Doc): void {
  const found = boardSchemaVersion(doc);
  if (found > BOARD_SCHEMA_VERSION) throw new NewerSchemaError(found, BOARD_SCHEMA_VERSION);
}
