import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createBoardUpdate } from '@debrief/model';
import { findingsWith, sampleRecord, sampleReport, storageContract } from '../contract.ts';
import { reportBytes } from '../projections.ts';
import { dropSchema, freshSchema, serviceAvailable, TEST_DATABASE_URL } from '../../testing/services.ts';
import { describeDatabase, PostgresStorage } from './postgres-storage.ts';
import { MIGRATIONS } from './schema.ts';
import { ReportQuotaError, type StorageLimits } from '../storage.ts';

const available = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 'the PostgreSQL storage tests');

/** A client of its own on a test schema (unqualified names are its tables), as someone reading the database would be. */
async function connectTo(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/** A fresh schema as a server of that version left it: its migrations, run by hand, and nothing newer. */
async function schemaAtVersion(version: number): Promise<{ schema: string; client: pg.Client }> {
  const schema = freshSchema();
  const client = await connectTo(schema);
  await client.query(`CREATE SCHEMA ${schema}`);
  for (const step of MIGRATIONS.slice(0, version)) await client.query(step);
  await client.query('CREATE TABLE debrief_schema (version integer NOT NULL)');
  await client.query('INSERT INTO debrief_schema (version) VALUES ($1)', [version]);
  return { schema, client };
}

/**
 * Which of `ids` a table's rows show, in the order the rows come when sorted by `order`: what anyone reading the
 * database (or a dump, which writes rows in physical order) would see.
 */
async function idsInRowOrder(client: pg.Client, table: string, order: string, ids: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} AS t ORDER BY ${order}`);
  const text = rows.map((row) => row.row).join('\n');
  return ids.filter((id) => text.includes(id)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

describe.skipIf(!available)('PostgreSQL storage', () => {
  storageContract('postgres', () => {
    const schema = freshSchema();
    const open = (limits?: Partial<StorageLimits>) => PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, limits });
    return { create: () => open(), reopen: open, cleanup: () => dropSchema(schema) };
  });

  it('creates the schema once and leaves it alone when several instances start together', async () => {
    const schema = freshSchema();
    const instances = await Promise.all(Array.from({ length: 4 }, () => PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema })));
    const record = sampleRecord();
    await instances[0]!.createPostmortem(record, {});
    expect(await instances[3]!.getPostmortem(record.id)).toEqual(record);
    await Promise.all(instances.map((storage) => storage.close()));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM ${schema}.debrief_schema`);
    await client.end();
    expect(rows).toEqual([{ version: MIGRATIONS.length }]);
    await dropSchema(schema);
  });

  it('migrates a database of the first version: its post-mortems stay, and deleting one leaves a tombstone', async () => {
    const { schema, client } = await schemaAtVersion(1);
    const record = sampleRecord();
    await client.query('INSERT INTO postmortems (id, record) VALUES ($1, $2)', [record.id, JSON.stringify(record)]);
    await client.end();
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    expect(await storage.getPostmortem(record.id)).toEqual(record);
    await storage.deletePostmortem(record.id);
    expect(await storage.wasDeleted(record.id)).toBe(true);
    await storage.close();
    await dropSchema(schema);
  });

  it('moves the notes of a version 2 database into one row per post-mortem, each record readable as before', async () => {
    const { schema, client } = await schemaAtVersion(2);
    const [record, quiet] = [sampleRecord(), sampleRecord()];
    for (const pm of [record, quiet]) await client.query('INSERT INTO postmortems (id, record) VALUES ($1, $2)', [pm.id, JSON.stringify(pm)]);
    const held = { text: 'The alert went to an old channel', color: 'blue' as const, eventId: null };
    await client.query('INSERT INTO notes (postmortem_id, id, secret_hash, held) VALUES ($1, $2, $3, $4), ($1, $5, $6, NULL)', [
      record.id,
      'bbbbbbbbbbbbbbbb',
      'b'.repeat(64),
      JSON.stringify(held),
      'aaaaaaaaaaaaaaaa',
      'a'.repeat(64),
    ]);
    await client.end();

    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    const [stillHeld, revealed] = ['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa'] as const;
    expect(await storage.getNote(record.id, stillHeld)).toEqual({ id: stillHeld, secretHash: 'b'.repeat(64), held, moderation: null });
    expect(await storage.getNote(record.id, revealed)).toEqual({ id: revealed, secretHash: 'a'.repeat(64), held: null, moderation: null });
    expect((await storage.listHeldNotes(record.id)).map((note) => note.id)).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(await storage.countNotes(record.id)).toEqual({ active: 2, stored: 2 });
    // A post-mortem that had no notes gets its row with its first one.
    expect(await storage.countNotes(quiet.id)).toEqual({ active: 0, stored: 0 });
    await storage.createNote(quiet.id, { id: 'cccccccccccccccc', secretHash: 'c'.repeat(64), held });
    expect(await storage.listHeldNotes(quiet.id)).toEqual([{ id: 'cccccccccccccccc', secretHash: 'c'.repeat(64), held, moderation: null }]);

    const { rows } = await storage.connections.query<{ version: number; old: string | null }>(
      `SELECT version, to_regclass('${schema}.notes')::text AS old FROM debrief_schema`,
    );
    expect(rows).toEqual([{ version: MIGRATIONS.length, old: null }]);
    await storage.close();
    await dropSchema(schema);
  });

  it("builds the index entries of a version 3 database's post-mortems when it opens, and counts their reports toward the quota", async () => {
    const { schema, client } = await schemaAtVersion(3);
    const [published, draft] = [sampleRecord({ title: 'Published before' }), sampleRecord({ title: 'Draft before' })];
    for (const pm of [published, draft]) {
      await client.query('INSERT INTO postmortems (id, record) VALUES ($1, $2)', [pm.id, JSON.stringify(pm)]);
      await client.query(`INSERT INTO documents (postmortem_id, kind, state) VALUES ($1, 'findings', $2)`, [
        pm.id,
        Buffer.from(findingsWith([{ what: `Act on ${pm.title}`, owner: 'SRE', due: '2026-12-01' }]).state),
      ]);
    }
    const report = sampleReport(published.id, 1, { lessonsLearned: 'x'.repeat(5_000) });
    await client.query('INSERT INTO reports (postmortem_id, version, report) VALUES ($1, 1, $2)', [published.id, JSON.stringify(report)]);
    await client.end();

    let storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    const entries = await storage.listActionsIndex();
    expect(entries.find((entry) => entry.postmortemId === draft.id)).toMatchObject({
      facilitatorKeyHash: draft.keyHashes.facilitator,
      live: [expect.objectContaining({ what: 'Act on Draft before' })],
      published: null,
    });
    expect(entries.find((entry) => entry.postmortemId === published.id)?.published).toEqual([]);
    expect(await storage.listReportIndex()).toEqual([expect.objectContaining({ postmortemId: published.id, version: 1 })]);
    await storage.close();
    // The version stored before counts: room for less than two of it is full.
    storage = await PostgresStorage.open({
      connectionString: TEST_DATABASE_URL,
      schema,
      limits: { reportBytes: Math.floor(1.5 * reportBytes(report)) },
    });
    await expect(storage.saveReport(published.id, sampleReport(published.id, 2, { lessonsLearned: 'x'.repeat(5_000) }))).rejects.toBeInstanceOf(
      ReportQuotaError,
    );
    await storage.close();
    await dropSchema(schema);
  });

  it("lays out no table in submission order: all of a post-mortem's notes are one row, keyed in id order", async () => {
    const schema = freshSchema();
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    const [record, other] = [sampleRecord(), sampleRecord()];
    await storage.createPostmortem(record, {});
    await storage.createPostmortem(other, {});
    // Submitted in reverse id order, so any trace of submission order differs from id order.
    const submitted = [...'hgfedcba'].map((letter) => letter.repeat(16));
    const sorted = [...submitted].sort();
    expect(submitted).not.toEqual(sorted);
    for (const [i, id] of submitted.entries()) {
      await storage.createNote(record.id, { id, secretHash: '9'.repeat(64), held: { text: `observation ${i}`, color: 'yellow', eventId: null } });
      if (i % 3 === 0) await storage.createNote(other.id, { id: `${i}`.repeat(16), secretHash: '9'.repeat(64), held: null });
    }
    await storage.releaseHeldNotes(record.id, [submitted[5]!, submitted[2]!, submitted[0]!], createBoardUpdate({ title: 'revealed' }));
    await storage.updateHeldNote(record.id, submitted[4]!, { text: 'edited', color: 'pink', eventId: null });
    const hide = { noteId: submitted[2]!, moderation: { state: 'hidden' as const, original: 'observation 2' } };
    await storage.moderateNotes(record.id, [hide], createBoardUpdate({ title: 'moderated' }));
    await storage.close();

    const client = await connectTo(schema);
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [schema],
      );
      expect(tables.length).toBeGreaterThan(5);
      for (const { name } of tables) {
        // xid has no ordering operator; its number is the order transactions began.
        for (const order of ['xmin::text::bigint', 'ctid']) {
          const seen = await idsInRowOrder(client, name, order, submitted);
          expect(seen, `${name} ORDER BY ${order}`).toEqual(sorted.filter((id) => seen.includes(id)));
        }
      }
      const { rows: sets } = await client.query<{ postmortem_id: string; ids: string[] }>(
        'SELECT postmortem_id, ARRAY(SELECT jsonb_object_keys(notes)) AS ids FROM note_sets ORDER BY ctid',
      );
      expect(sets.map((set) => set.postmortem_id).sort()).toEqual([record.id, other.id].sort());
      expect(sets.find((set) => set.postmortem_id === record.id)?.ids).toEqual(sorted);
    } finally {
      await client.end();
      await dropSchema(schema);
    }
  });

  it('changes no note when the notes document stored with the change cannot be', async () => {
    const schema = freshSchema();
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    const record = sampleRecord();
    await storage.createPostmortem(record, {});
    const held = { text: 'held', color: 'yellow' as const, eventId: null };
    await storage.createNote(record.id, { id: 'aaaaaaaaaaaaaaaa', secretHash: 'a'.repeat(64), held: null });
    await storage.createNote(record.id, { id: 'bbbbbbbbbbbbbbbb', secretHash: 'b'.repeat(64), held });
    await storage.connections.query(`
      CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION refuse();
    `);
    const state = createBoardUpdate({ title: 'never stored' });
    const moderation = { state: 'hidden' as const, original: 'x' };
    await expect(storage.moderateNotes(record.id, [{ noteId: 'aaaaaaaaaaaaaaaa', moderation }], state)).rejects.toThrow(/disk full/);
    await expect(storage.releaseHeldNotes(record.id, ['bbbbbbbbbbbbbbbb'], state)).rejects.toThrow(/disk full/);
    await expect(storage.deleteNote(record.id, 'aaaaaaaaaaaaaaaa', state)).rejects.toThrow(/disk full/);
    expect((await storage.getNote(record.id, 'aaaaaaaaaaaaaaaa'))?.moderation).toBeNull();
    expect((await storage.getNote(record.id, 'bbbbbbbbbbbbbbbb'))?.held).toEqual(held);
    await storage.close();
    await dropSchema(schema);
  });

  it('refuses a database whose schema is newer than the server', async () => {
    const schema = freshSchema();
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    await storage.connections.query('UPDATE debrief_schema SET version = 99');
    await storage.close();
    await expect(PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema })).rejects.toThrow(/newer than this server/);
    await dropSchema(schema);
  });
});

it('names an unreachable database without its password', async () => {
  const url = 'postgres://debrief:s3cret@127.0.0.1:1/nowhere';
  expect(describeDatabase(url)).toBe('127.0.0.1:1/nowhere');
  const failure = PostgresStorage.open({ connectionString: url });
  await expect(failure).rejects.toThrow(/could not connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
  await expect(failure).rejects.not.toThrow(/s3cret/);
});
