import pg from 'pg';
import { isPostmortemId, readReportSnapshot, type DocumentKind, type Report } from '@debrief/protocol';
import { DEFAULT_VOTES_PER_PERSON, readBallot, type NoteContent, type VotingSettings } from '@debrief/model';
import {
  DEFAULT_STORAGE_LIMITS,
  InvalidIdError,
  ReportQuotaError,
  type ActionsIndexEntry,
  type InitialDocuments,
  type NoteModeration,
  type NoteRecord,
  type PostmortemRecord,
  type ReportIndexEntry,
  type Storage,
  type StorageLimits,
} from '../storage.ts';
import { reportBytes } from '../projections.ts';
import { KeyedLock } from '../../postmortems/keyed-lock.ts';
import { listActionsIndex, listReportIndex, lockPostmortem, unindexedPostmortems, writeIndexes } from './indexes.ts';
import { migrateSchema } from './schema.ts';

export interface PostgresOptions {
  /** A libpq connection string, e.g. postgres://debrief@db.internal:5432/debrief. */
  connectionString: string;
  /** A schema of its own (created if missing), e.g. one per test; otherwise the database's search path. */
  schema?: string;
  /** Connections in the pool. */
  maxConnections?: number;
  limits?: Partial<StorageLimits>;
}

type Queryable = pg.Pool | pg.PoolClient;

const json = (value: unknown) => JSON.stringify(value);
const bytes = (value: Buffer) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/** Where a connection string points, without its password, for messages. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * All state in PostgreSQL, for running several instances over one database. Yjs documents are stored as bytea
 * (one full update each); records as jsonb. Every multi-row change runs in one transaction. A post-mortem's note
 * records share one row (see migration 3), so no row order ever says which note was written first.
 */
export class PostgresStorage implements Storage {
  /** Writes to one post-mortem from this process land in the order they were made (the last save wins). */
  private readonly writes = new KeyedLock();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly limits: StorageLimits,
  ) {}

  /** Connects, creates or migrates the schema, and returns a ready adapter; a clear error if the database is unreachable. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new Error(`not a schema name: ${options.schema}`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // A broken idle connection (database restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end();
      throw new Error(`could not connect to PostgreSQL at ${describeDatabase(options.connectionString)}: ${(error as Error).message}`);
    }
    try {
      await migrateSchema(client, options.schema);
    } finally {
      client.release();
    }
    const storage = new PostgresStorage(pool, { ...DEFAULT_STORAGE_LIMITS, ...options.limits });
    try {
      await storage.buildMissingIndexes();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return storage;
  }

  /**
   * Builds the index entries of post-mortems that lack them (stored before the index existed), one at a time, so
   * upgrading loses nothing. Instances starting together may both build one: each writes the same entries.
   */
  private async buildMissingIndexes(): Promise<void> {
    for (const id of await unindexedPostmortems(this.pool)) {
      await this.inOrder(id, () =>
        this.transaction(async (client) => {
          const record = await lockPostmortem(client, id);
          if (record) await writeIndexes(client, record, { report: true });
        }),
      );
    }
  }

  async createPostmortem(record: PostmortemRecord, documents: InitialDocuments): Promise<void> {
    check(record.id);
    await this.transaction(async (client) => {
      await client.query('INSERT INTO postmortems (id, record) VALUES ($1, $2)', [record.id, json(record)]);
      for (const [kind, state] of Object.entries(documents) as [DocumentKind, Uint8Array][]) {
        await upsertDocument(client, record.id, kind, state);
      }
      await writeIndexes(client, record, { findings: documents.findings ?? null, report: false });
    });
  }

  async listPostmortems(): Promise<PostmortemRecord[]> {
    const { rows } = await this.pool.query<{ record: PostmortemRecord }>('SELECT record FROM postmortems');
    return rows.map((row) => row.record);
  }

  async getPostmortem(id: string): Promise<PostmortemRecord | null> {
    const { rows } = await this.pool.query<{ record: PostmortemRecord }>('SELECT record FROM postmortems WHERE id = $1', [check(id)]);
    return rows[0]?.record ?? null;
  }

  async replaceKeyHashes(id: string, keyHashes: PostmortemRecord['keyHashes']): Promise<void> {
    const { rowCount } = await this.pool.query(`UPDATE postmortems SET record = jsonb_set(record, '{keyHashes}', $2::jsonb) WHERE id = $1`, [
      check(id),
      json(keyHashes),
    ]);
    if (rowCount === 0) throw new Error(`unknown post-mortem ${id}`);
  }

  async setOwnerKeyHash(id: string, actionId: string, hash: string | null): Promise<void> {
    // One statement, so two owner links made at once for different actions both stay.
    const hashes = `coalesce(record->'ownerKeyHashes', '{}'::jsonb)`;
    const { rowCount } = await this.pool.query(
      hash === null
        ? `UPDATE postmortems SET record = jsonb_set(record, '{ownerKeyHashes}', ${hashes} - $2::text) WHERE id = $1`
        : `UPDATE postmortems SET record = jsonb_set(record, '{ownerKeyHashes}', ${hashes} || jsonb_build_object($2::text, $3::text)) WHERE id = $1`,
      hash === null ? [check(id), actionId] : [check(id), actionId, hash],
    );
    if (rowCount === 0) throw new Error(`unknown post-mortem ${id}`);
  }

  async loadDocument(postmortemId: string, kind: DocumentKind): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>('SELECT state FROM documents WHERE postmortem_id = $1 AND kind = $2', [
      check(postmortemId),
      kind,
    ]);
    return rows[0] ? bytes(rows[0].state) : null;
  }

  async storeDocument(postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void> {
    // The foreign key refuses a document for an unknown (or deleted) post-mortem.
    if (kind !== 'findings') return this.inOrder(postmortemId, () => upsertDocument(this.pool, postmortemId, kind, state));
    // The findings document and the actions index entry made from it are stored together.
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        const record = await lockPostmortem(client, postmortemId);
        if (!record) throw new Error(`unknown post-mortem ${postmortemId}`);
        await upsertDocument(client, postmortemId, kind, state);
        await writeIndexes(client, record, { findings: state, report: false });
      }),
    );
  }

  async createNote(postmortemId: string, note: NoteRecord): Promise<void> {
    // One statement, so parallel submissions each add their key to the row instead of overwriting each other's;
    // an id already taken is refused rather than replacing another author's record.
    const { rowCount } = await this.pool.query(
      `INSERT INTO note_sets (postmortem_id, notes) VALUES ($1, jsonb_build_object($2::text, $3::jsonb))
       ON CONFLICT (postmortem_id) DO UPDATE SET notes = note_sets.notes || EXCLUDED.notes
       WHERE NOT note_sets.notes ? $2::text`,
      [check(postmortemId), note.id, json(storedNote(note))],
    );
    if (rowCount === 0) throw new Error(`note ${note.id} already exists`);
  }

  async getNote(postmortemId: string, noteId: string): Promise<NoteRecord | null> {
    const { rows } = await this.pool.query<{ note: StoredNote | null }>('SELECT notes -> $2::text AS note FROM note_sets WHERE postmortem_id = $1', [
      check(postmortemId),
      noteId,
    ]);
    const note = rows[0]?.note;
    return note ? noteOf(noteId, note) : null;
  }

  async updateHeldNote(postmortemId: string, noteId: string, content: NoteContent): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE note_sets SET notes = jsonb_set(notes, ARRAY[$2::text, 'held'], $3::jsonb)
       WHERE postmortem_id = $1 AND jsonb_typeof(notes #> ARRAY[$2::text, 'held']) = 'object'`,
      [check(postmortemId), noteId, json(content)],
    );
    if (rowCount === 0) throw new Error(`note ${noteId} is not held`);
  }

  async countNotes(postmortemId: string): Promise<{ active: number; stored: number }> {
    const { rows } = await this.pool.query<{ active: string; stored: string }>(
      `SELECT count(*) FILTER (WHERE note.value #>> '{moderation,state}' IS DISTINCT FROM 'hidden') AS active, count(*) AS stored
       FROM note_sets, jsonb_each(notes) AS note WHERE postmortem_id = $1`,
      [check(postmortemId)],
    );
    return { active: Number(rows[0]?.active ?? 0), stored: Number(rows[0]?.stored ?? 0) };
  }

  async listHeldNotes(postmortemId: string): Promise<NoteRecord[]> {
    // Ordered by the random id, said outright rather than left to how jsonb_each happens to walk the object.
    const { rows } = await this.pool.query<{ id: string; note: StoredNote }>(
      `SELECT note.key AS id, note.value AS note FROM note_sets, jsonb_each(notes) AS note
       WHERE postmortem_id = $1 AND jsonb_typeof(note.value -> 'held') = 'object'
       ORDER BY note.key`,
      [check(postmortemId)],
    );
    return rows.map((row) => noteOf(row.id, row.note));
  }

  async deleteNote(postmortemId: string, noteId: string, notesState: Uint8Array | null): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        await client.query('UPDATE note_sets SET notes = notes - $2::text WHERE postmortem_id = $1', [postmortemId, noteId]);
        if (notesState) await upsertDocument(client, postmortemId, 'notes', notesState);
      }),
    );
  }

  async moderateNotes(
    postmortemId: string,
    changes: readonly { noteId: string; moderation: NoteModeration | null }[],
    notesState: Uint8Array,
  ): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        await changeNoteSet(client, postmortemId, (notes) => withModeration(notes, changes));
        await upsertDocument(client, postmortemId, 'notes', notesState);
      }),
    );
  }

  async releaseHeldNotes(postmortemId: string, noteIds: readonly string[], notesState: Uint8Array): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        await changeNoteSet(client, postmortemId, (notes) => released(notes, noteIds));
        await upsertDocument(client, postmortemId, 'notes', notesState);
      }),
    );
  }

  async createBallot(postmortemId: string, ballotHash: string): Promise<void> {
    await this.pool.query(`INSERT INTO ballots (postmortem_id, ballot_hash, votes) VALUES ($1, $2, '[]')`, [check(postmortemId), ballotHash]);
  }

  async getBallot(postmortemId: string, ballotHash: string): Promise<string[] | null> {
    const { rows } = await this.pool.query<{ votes: unknown }>('SELECT votes FROM ballots WHERE postmortem_id = $1 AND ballot_hash = $2', [
      check(postmortemId),
      ballotHash,
    ]);
    return rows[0] ? readBallot(rows[0].votes) : null;
  }

  async saveBallot(postmortemId: string, ballotHash: string, votes: readonly string[], notesState: Uint8Array): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        await client.query(
          `INSERT INTO ballots (postmortem_id, ballot_hash, votes) VALUES ($1, $2, $3)
         ON CONFLICT (postmortem_id, ballot_hash) DO UPDATE SET votes = EXCLUDED.votes`,
          [postmortemId, ballotHash, json([...votes].sort())],
        );
        await upsertDocument(client, postmortemId, 'notes', notesState);
      }),
    );
  }

  async listBallots(postmortemId: string): Promise<string[][]> {
    const { rows } = await this.pool.query<{ votes: unknown }>('SELECT votes FROM ballots WHERE postmortem_id = $1 ORDER BY ballot_hash', [
      check(postmortemId),
    ]);
    return rows.map((row) => readBallot(row.votes));
  }

  async getVoting(postmortemId: string): Promise<VotingSettings> {
    const { rows } = await this.pool.query<{ voting: VotingSettings | null }>('SELECT voting FROM postmortems WHERE id = $1', [check(postmortemId)]);
    return rows[0]?.voting ?? { open: false, votesPerPerson: DEFAULT_VOTES_PER_PERSON };
  }

  async setVoting(postmortemId: string, settings: VotingSettings, notesState: Uint8Array): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        const { rowCount } = await client.query('UPDATE postmortems SET voting = $2 WHERE id = $1', [postmortemId, json(settings)]);
        if (rowCount === 0) throw new Error(`unknown post-mortem ${postmortemId}`);
        await upsertDocument(client, postmortemId, 'notes', notesState);
      }),
    );
  }

  async saveReport(postmortemId: string, report: Report, findings?: Uint8Array): Promise<void> {
    await this.inOrder(postmortemId, () =>
      this.transaction(async (client) => {
        const record = await lockPostmortem(client, postmortemId);
        if (!record) throw new Error(`unknown post-mortem ${postmortemId}`);
        // Counted under the row lock, so two publishes (on any instances) cannot both fit in the room left for one.
        const { rows } = await client.query<{ used: string }>('SELECT coalesce(sum(size), 0) AS used FROM reports WHERE postmortem_id = $1', [
          postmortemId,
        ]);
        const size = reportBytes(report);
        if (Number(rows[0]?.used ?? 0) + size > this.limits.reportBytes) throw new ReportQuotaError(this.limits.reportBytes);
        await client.query('INSERT INTO reports (postmortem_id, version, report, size) VALUES ($1, $2, $3, $4)', [
          postmortemId,
          report.version,
          json(report),
          size,
        ]);
        await writeIndexes(client, record, { findings, report: true });
      }),
    );
  }

  async getReport(postmortemId: string, version?: number): Promise<Report | null> {
    const { rows } =
      version === undefined
        ? await this.pool.query<{ report: Report }>('SELECT report FROM reports WHERE postmortem_id = $1 ORDER BY version DESC LIMIT 1', [
            check(postmortemId),
          ])
        : await this.pool.query<{ report: Report }>('SELECT report FROM reports WHERE postmortem_id = $1 AND version = $2', [
            check(postmortemId),
            version,
          ]);
    return rows[0] ? readReportSnapshot(rows[0].report) : null;
  }

  listActionsIndex(): Promise<ActionsIndexEntry[]> {
    return listActionsIndex(this.pool);
  }

  listReportIndex(): Promise<ReportIndexEntry[]> {
    return listReportIndex(this.pool);
  }

  async deletePostmortem(postmortemId: string): Promise<void> {
    // Documents, note sets, ballots, reports and index entries go with it (ON DELETE CASCADE); the id stays as a tombstone, in the
    // same statement so there is never one without the other.
    await this.pool.query(
      `WITH gone AS (DELETE FROM postmortems WHERE id = $1 RETURNING id)
       INSERT INTO deleted_postmortems (id) SELECT id FROM gone ON CONFLICT DO NOTHING`,
      [check(postmortemId)],
    );
  }

  async wasDeleted(postmortemId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM deleted_postmortems WHERE id = $1', [check(postmortemId)]);
    return rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The pool, for the advisory locks that serialise server writes across instances. */
  get connections(): pg.Pool {
    return this.pool;
  }

  private inOrder<T>(postmortemId: string, write: () => Promise<T>): Promise<T> {
    return this.writes.run(check(postmortemId), write);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped, not handed to the next query.
      const broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      client.release(broken);
      throw error;
    }
  }
}

/** A note record as its post-mortem's note set holds it, under its id. */
interface StoredNote {
  secretHash: string;
  held: NoteContent | null;
  /** Absent in records from before moderation existed. */
  moderation?: NoteModeration | null;
}

type NoteSet = Record<string, StoredNote>;

/** Only the fields a NoteRecord allows, so nothing else a caller's object carries is ever stored with a note. */
const storedNote = (note: NoteRecord): StoredNote => ({
  secretHash: note.secretHash,
  held: note.held,
  moderation: moderationOf(note.moderation ?? null),
});

const noteOf = (id: string, note: StoredNote): NoteRecord => ({
  id,
  secretHash: note.secretHash,
  held: note.held ?? null,
  moderation: note.moderation ?? null,
});

const moderationOf = (moderation: NoteModeration | null): NoteModeration | null =>
  moderation && { state: moderation.state, original: moderation.original };

function released(notes: NoteSet, noteIds: readonly string[]): NoteSet {
  const next = { ...notes };
  for (const id of noteIds) if (Object.hasOwn(next, id)) next[id] = { ...next[id]!, held: null };
  return next;
}

function withModeration(notes: NoteSet, changes: readonly { noteId: string; moderation: NoteModeration | null }[]): NoteSet {
  const next = { ...notes };
  for (const { noteId, moderation } of changes) {
    if (Object.hasOwn(next, noteId)) next[noteId] = { ...next[noteId]!, moderation: moderationOf(moderation) };
  }
  return next;
}

/**
 * Rewrites a post-mortem's note set inside the caller's transaction. The row stays locked from read to write,
 * so a note submitted meanwhile (by any instance) waits and is not lost. No row means no notes: nothing to change.
 */
async function changeNoteSet(client: pg.PoolClient, postmortemId: string, change: (notes: NoteSet) => NoteSet): Promise<void> {
  const { rows } = await client.query<{ notes: NoteSet }>('SELECT notes FROM note_sets WHERE postmortem_id = $1 FOR UPDATE', [postmortemId]);
  if (!rows[0]) return;
  await client.query('UPDATE note_sets SET notes = $2 WHERE postmortem_id = $1', [postmortemId, json(change(rows[0].notes))]);
}

function check(id: string): string {
  if (!isPostmortemId(id)) throw new InvalidIdError(id);
  return id;
}

async function upsertDocument(db: Queryable, postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void> {
  await db.query(
    `INSERT INTO documents (postmortem_id, kind, state) VALUES ($1, $2, $3)
     ON CONFLICT (postmortem_id, kind) DO UPDATE SET state = EXCLUDED.state`,
    [postmortemId, kind, Buffer.from(state.buffer, state.byteOffset, state.byteLength)],
  );
}
