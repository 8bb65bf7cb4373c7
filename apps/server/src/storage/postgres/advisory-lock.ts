import pg from 'pg';
import { KeyedLock, type Lock } from '../../postmortems/keyed-lock.ts';

/**
 * A lock shared by every instance on one database: a PostgreSQL session advisory lock per key, held on a
 * connection of its own for the length of the task. If the process dies, the connection closes and PostgreSQL
 * releases the lock at once. Tasks of one process queue in memory first, so they never tie up connections.
 */
export class PostgresLock implements Lock {
  readonly #local = new KeyedLock();
  readonly #pool: pg.Pool;

  constructor(connectionString: string, connections = 4) {
    // Its own small pool: a task holding a lock must never wait for a connection another lock holder is using.
    // Waiting for a connection is waiting for the lock: allow as long as a slow save may take.
    this.#pool = new pg.Pool({ connectionString, max: connections, connectionTimeoutMillis: 30_000 });
    this.#pool.on('error', () => undefined);
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.#local.run(key, async () => {
      const client = await this.#pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await task();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((error: Error) => (broken = error));
        }
      } finally {
        // A connection that failed to unlock is thrown away, which releases whatever it held.
        client.release(broken);
      }
    });
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
