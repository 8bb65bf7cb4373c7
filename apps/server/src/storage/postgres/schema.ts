import type { PoolClient } from 'pg';

/**
 * The PostgreSQL schema as ordered migrations: a database at version n gets migrations n+1… at start, inside one
 * transaction, under an advisory lock so instances starting together do not race. Never edit a shipped step.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the record and its documents, notes, ballots, voting settings and published reports.
  `
  CREATE TABLE postmortems (
    id text PRIMARY KEY,
    record jsonb NOT NULL,
    voting jsonb
  );
  CREATE TABLE documents (
    postmortem_id text NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    kind text NOT NULL,
    state bytea NOT NULL,
    PRIMARY KEY (postmortem_id, kind)
  );
  -- Only what NoteRecord holds: no author, time or sequence column, so nothing records who wrote what or when.
  CREATE TABLE notes (
    postmortem_id text NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    id text NOT NULL,
    secret_hash text NOT NULL,
    held jsonb,
    PRIMARY KEY (postmortem_id, id)
  );
  CREATE TABLE ballots (
    postmortem_id text NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    ballot_hash text NOT NULL,
    votes jsonb NOT NULL,
    PRIMARY KEY (postmortem_id, ballot_hash)
  );
  CREATE TABLE reports (
    postmortem_id text NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    version integer NOT NULL,
    report jsonb NOT NULL,
    PRIMARY KEY (postmortem_id, version)
  );
  `,
  // 2: the ids of deleted post-mortems (nothing else), so browsers holding a copy can be told to delete it.
  `
  CREATE TABLE deleted_postmortems (
    id text PRIMARY KEY
  );
  `,
  // 3: one row per post-mortem holding all its note records, replacing one row per note: rows of their own lay
  // notes out in submission order (ORDER BY xmin or ctid, or a plain dump), linking each note to when it was
  // written. jsonb keeps an object's keys sorted (by length, then bytes) and note ids are random strings of one
  // length, so the stored order is id order. The old table goes in the same step, so no copy in that order stays.
  `
  CREATE TABLE note_sets (
    postmortem_id text PRIMARY KEY REFERENCES postmortems (id) ON DELETE CASCADE,
    notes jsonb NOT NULL
  );
  INSERT INTO note_sets (postmortem_id, notes)
    SELECT postmortem_id, jsonb_object_agg(id, jsonb_build_object('secretHash', secret_hash, 'held', held, 'moderation', NULL))
    FROM notes
    GROUP BY postmortem_id;
  DROP TABLE notes;
  `,
  // 4: the index entries lists across post-mortems read instead of decoding every document (storage/projections.ts),
  // and each report version's size, for the quota on a post-mortem's versions. Entries for the post-mortems already
  // stored are built when the server opens the database (they need Yjs), as are any found missing later.
  `
  CREATE TABLE action_index (
    postmortem_id text PRIMARY KEY REFERENCES postmortems (id) ON DELETE CASCADE,
    entry jsonb NOT NULL
  );
  CREATE TABLE report_index (
    postmortem_id text PRIMARY KEY REFERENCES postmortems (id) ON DELETE CASCADE,
    entry jsonb NOT NULL
  );
  ALTER TABLE reports ADD COLUMN size integer NOT NULL DEFAULT 0;
  UPDATE reports SET size = octet_length(report::text);
  ALTER TABLE reports ALTER COLUMN size DROP DEFAULT;
  `,
];

/** An arbitrary constant: the advisory lock that serialises schema migrations across instances. */
const MIGRATION_LOCK = 4_242_001;

/**
 * Brings the schema in the client's search path (created first when named) up to the latest version; returns
 * the version it found. `schema` must already be checked as a plain identifier.
 */
export async function migrateSchema(client: PoolClient, schema?: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS debrief_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM debrief_schema');
    const found = rows[0]?.version ?? 0;
    if (found > MIGRATIONS.length) {
      throw new Error(`the database schema is version ${found}, newer than this server (${MIGRATIONS.length}): upgrade the server`);
    }
    for (let version = found + 1; version <= MIGRATIONS.length; version++) await client.query(MIGRATIONS[version - 1]!);
    if (rows.length === 0) await client.query('INSERT INTO debrief_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE debrief_schema SET version = $1', [MIGRATIONS.length]);
    await client.query('COMMIT');
    return found;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
