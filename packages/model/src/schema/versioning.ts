import type * as Y from 'yjs';

/** Every document keeps its schema version at `meta.schemaVersion`. */
export const META_KEY = 'meta';

/** One step that brings a document from `version - 1` to `version`. */
export interface Migration {
  version: number;
  description: string;
  up: (doc: Y.Doc) => void;
}

/** Thrown when a document was written by a newer Debrief than this code knows; writing to it could corrupt it. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`This document uses schema version ${found}, but this version of Debrief only knows up to ${supported}.`);
    this.name = 'NewerSchemaError';
  }
}

/** The schema version stored in a document, 0 for one written before versions existed (or empty). */
export function schemaVersion(doc: Y.Doc): number {
  const value = doc.getMap(META_KEY).get('schemaVersion');
  return typeof value === 'number' ? value : 0;
}

/** Applies every pending migration in one transaction; returns the versions it moved between. */
export function migrate(doc: Y.Doc, migrations: readonly Migration[], target: number): { from: number; to: number } {
  const from = schemaVersion(doc);
  if (from > target) throw new NewerSchemaError(from, target);
  if (from === target) return { from, to: from };
  doc.transact(() => {
    for (const migration of migrations) {
      if (migration.version <= from || migration.version > target) continue;
      migration.up(doc);
      doc.getMap(META_KEY).set('schemaVersion', migration.version);
    }
  }, 'migration');
  return { from, to: schemaVersion(doc) };
}

/** Throws NewerSchemaError when a document is newer than the given version. */
export function assertReadable(doc: Y.Doc, supported: number): void {
  const found = schemaVersion(doc);
  if (found > supported) throw new NewerSchemaError(found, supported);
}
