import type pg from 'pg';
import type { Report } from '@debrief/protocol';
import { actionsIndexEntry, readIndexEntry, reportForIndex, reportIndexEntry } from '../projections.ts';
import type { ActionsIndexEntry, PostmortemRecord, ReportIndexEntry } from '../storage.ts';

type Queryable = pg.Pool | pg.PoolClient;

const bytes = (value: Buffer) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/**
 * Locks a post-mortem's row for the rest of the caller's transaction and returns its record (null when unknown).
 * Every writer of its index entries takes this first, so they run one at a time on every instance, each reading
 * what the one before committed: no entry is ever built from a report or a document older than the last one's.
 * NO KEY UPDATE leaves the row free for the key checks of rows that reference it (a document, a ballot).
 */
export async function lockPostmortem(client: pg.PoolClient, postmortemId: string): Promise<PostmortemRecord | null> {
  const { rows } = await client.query<{ record: PostmortemRecord }>('SELECT record FROM postmortems WHERE id = $1 FOR NO KEY UPDATE', [postmortemId]);
  return rows[0]?.record ?? null;
}

/**
 * Writes a post-mortem's actions index entry, and with `report` its report index entry, from what the caller's
 * transaction holds: its latest report, and its findings document (`findings` when given, the stored one
 * otherwise). The caller holds `lockPostmortem`.
 */
export async function writeIndexes(
  client: pg.PoolClient,
  record: PostmortemRecord,
  { findings, report: withReport }: { findings?: Uint8Array | null; report: boolean },
): Promise<void> {
  const { rows } = await client.query<{ report: Report }>('SELECT report FROM reports WHERE postmortem_id = $1 ORDER BY version DESC LIMIT 1', [
    record.id,
  ]);
  const report = reportForIndex(rows[0]?.report);
  const state = findings === undefined ? await storedFindings(client, record.id) : findings;
  // The facilitator key's hash is read from the record when listing, so no copy of it can fall behind a rotation.
  const { facilitatorKeyHash: _fromRecord, ...actions } = actionsIndexEntry(record, report, state);
  await client.query(
    `INSERT INTO action_index (postmortem_id, entry) VALUES ($1, $2)
     ON CONFLICT (postmortem_id) DO UPDATE SET entry = EXCLUDED.entry`,
    [record.id, JSON.stringify(actions)],
  );
  if (!report || !withReport) return;
  await client.query(
    `INSERT INTO report_index (postmortem_id, entry) VALUES ($1, $2)
     ON CONFLICT (postmortem_id) DO UPDATE SET entry = EXCLUDED.entry`,
    [record.id, JSON.stringify(reportIndexEntry(report))],
  );
}

async function storedFindings(client: pg.PoolClient, postmortemId: string): Promise<Uint8Array | null> {
  const { rows } = await client.query<{ state: Buffer }>(`SELECT state FROM documents WHERE postmortem_id = $1 AND kind = 'findings'`, [
    postmortemId,
  ]);
  return rows[0] ? bytes(rows[0].state) : null;
}

/** Post-mortems whose index entries are missing: stored before the index existed (or the rows were lost). */
export async function unindexedPostmortems(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM postmortems p
     WHERE NOT EXISTS (SELECT 1 FROM action_index a WHERE a.postmortem_id = p.id)
        OR (EXISTS (SELECT 1 FROM reports r WHERE r.postmortem_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM report_index i WHERE i.postmortem_id = p.id))`,
  );
  return rows.map((row) => row.id);
}

export async function listActionsIndex(db: Queryable): Promise<ActionsIndexEntry[]> {
  const { rows } = await db.query<{ entry: Omit<ActionsIndexEntry, 'facilitatorKeyHash'>; hash: string }>(
    `SELECT a.entry, p.record #>> '{keyHashes,facilitator}' AS hash
     FROM action_index a JOIN postmortems p ON p.id = a.postmortem_id`,
  );
  return rows.map((row) => ({ ...row.entry, facilitatorKeyHash: row.hash }));
}

export async function listReportIndex(db: Queryable): Promise<ReportIndexEntry[]> {
  const { rows } = await db.query<{ entry: ReportIndexEntry }>('SELECT entry FROM report_index');
  return rows.map((row) => readIndexEntry(row.entry));
}
