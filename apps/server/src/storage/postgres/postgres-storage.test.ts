import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sampleRecord, storageContract } from '../contract.ts';
import { dropSchema, freshSchema, serviceAvailable, TEST_DATABASE_URL } from '../../testing/services.ts';
import { describeDatabase, PostgresStorage } from './postgres-storage.ts';
import { MIGRATIONS } from './schema.ts';

const available = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 'the PostgreSQL storage tests');

describe.skipIf(!available)('PostgreSQL storage', () => {
  storageContract('postgres', () => {
    const schema = freshSchema();
    const open = () => PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    return { create: open, reopen: open, cleanup: () => dropSchema(schema) };
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
    const schema = freshSchema();
    const first = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    const record = sampleRecord();
    await first.createPostmortem(record, {});
    // What a server of the first version left behind.
    await first.connections.query('DROP TABLE deleted_postmortems; UPDATE debrief_schema SET version = 1');
    await first.close();
    const storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema });
    expect(await storage.getPostmortem(record.id)).toEqual(record);
    await storage.deletePostmortem(record.id);
    expect(await storage.wasDeleted(record.id)).toBe(true);
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
