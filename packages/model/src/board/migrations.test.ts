import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from './init.ts';
import { assertDocumentReadable, migrateDocument } from '../schema/documents.ts';
import { migrate, NewerSchemaError, schemaVersion, type Migration } from '../schema/versioning.ts';
import { BOARD_SCHEMA_VERSION, metaMap, readMeta } from './shape.ts';
import { DEFAULT_CATEGORIES, readFishbone } from './fishbone.ts';

describe('board migrations', () => {
  it('stamps a board written before versions existed', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'Old board');
    expect(schemaVersion(doc)).toBe(0);

    expect(migrateDocument('board', doc)).toEqual({ from: 0, to: BOARD_SCHEMA_VERSION });
    expect(readMeta(doc)).toEqual({ schemaVersion: BOARD_SCHEMA_VERSION, title: 'Old board', incidentAt: '', summary: '' });
  });

  it('gives a version 1 board a fishbone headed by its title, with the default bones and no People bone', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);
    metaMap(doc).set('title', 'Checkout outage');
    expect(migrateDocument('board', doc)).toEqual({ from: 1, to: BOARD_SCHEMA_VERSION });
    const fishbone = readFishbone(doc);
    expect(fishbone.problem).toBe('Checkout outage');
    expect(fishbone.categories.map((c) => c.name)).toEqual([...DEFAULT_CATEGORIES]);
    expect(fishbone.categories.map((c) => c.name.toLowerCase())).not.toContain('people');
  });

  it('leaves a current board untouched', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Now' });
    const before = Y.encodeStateVector(doc);
    expect(migrateDocument('board', doc)).toEqual({ from: BOARD_SCHEMA_VERSION, to: BOARD_SCHEMA_VERSION });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('applies pending migrations in order, each exactly once', () => {
    const applied: number[] = [];
    const steps: Migration[] = [1, 2, 3].map((version) => ({
      version,
      description: `step ${version}`,
      up: () => applied.push(version),
    }));
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);

    expect(migrate(doc, steps, 3)).toEqual({ from: 1, to: 3 });
    expect(applied).toEqual([2, 3]);
    migrate(doc, steps, 3);
    expect(applied).toEqual([2, 3]);
  });

  it('refuses a board from a newer version instead of touching it', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', BOARD_SCHEMA_VERSION + 1);
    expect(() => migrateDocument('board', doc)).toThrow(NewerSchemaError);
    expect(() => assertDocumentReadable('board', doc)).toThrow(/only knows up to/);
    expect(schemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION + 1);
  });
});
