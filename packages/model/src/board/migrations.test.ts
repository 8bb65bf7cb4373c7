import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from './init.ts';
import { assertDocumentReadable, migrateDocument } from '../schema/documents.ts';
import { migrate, NewerSchemaError, schemaVersion, type Migration } from '../schema/versioning.ts';
import { BOARD_SCHEMA_VERSION, eventsMap, metaMap, readMeta } from './shape.ts';
import { addEvent, readTimeline } from './timeline.ts';
import { DEFAULT_CATEGORIES, readFishbone } from './fishbone.ts';

describe('board migrations', () => {
  it('stamps a board written before versions existed', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'Old board');
    expect(schemaVersion(doc)).toBe(0);

    expect(migrateDocument('board', doc)).toEqual({ from: 0, to: BOARD_SCHEMA_VERSION });
    expect(readMeta(doc)).toEqual({
      schemaVersion: BOARD_SCHEMA_VERSION,
      title: 'Old board',
      incidentAt: '',
      summary: '',
      severity: '',
      services: [],
      teams: [],
      impactMinutes: 0,
    });
  });

  it('turns a version 3 board’s decision points into "decision" markers and gives the incident lists of services and teams', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Markers' });
    metaMap(doc).set('schemaVersion', 3);
    metaMap(doc).delete('services');
    const decided = addEvent(doc, { at: '2026-03-08T05:12:00.000Z', what: 'Roll back' });
    const plain = addEvent(doc, { at: '2026-03-08T05:13:00.000Z', what: 'Watch' });
    eventsMap(doc).get(decided)?.set('decision', true);
    eventsMap(doc).get(plain)?.set('decision', false);
    expect(migrateDocument('board', doc)).toEqual({ from: 3, to: 4 });
    expect(readTimeline(doc).map((e) => e.marker)).toEqual(['decision', '']);
    expect(eventsMap(doc).get(decided)?.has('decision')).toBe(false);
    expect(metaMap(doc).get('services')).toBeInstanceOf(Y.Array);
    expect(metaMap(doc).get('teams')).toBeInstanceOf(Y.Array);
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
