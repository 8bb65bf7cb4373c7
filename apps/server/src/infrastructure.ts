import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
import IORedis from 'ioredis';
import type { Config } from './config.ts';
import type { Lock } from './postmortems/keyed-lock.ts';
import { LowdbStorage } from './storage/lowdb-storage.ts';
import { PostgresLock } from './storage/postgres/advisory-lock.ts';
import { describeDatabase, PostgresStorage } from './storage/postgres/postgres-storage.ts';
import type { Storage } from './storage/storage.ts';

/** Where state lives and how instances are joined, as chosen by the environment. */
export interface Infrastructure {
  storage: Storage;
  /** Undefined: one process, an in-memory lock is enough. */
  lock?: Lock;
  extensions: Extension[];
  onClose: () => Promise<void>;
  /** For the start-up log line; never includes a password. */
  description: string;
}

/** Opens storage (PostgreSQL or lowdb) and, with REDIS_URL, the Redis extension and a cross-instance lock. */
export async function openInfrastructure(config: Config): Promise<Infrastructure> {
  if (!config.databaseUrl) {
    return { storage: new LowdbStorage(config.dataDir), extensions: [], onClose: async () => undefined, description: `data in ${config.dataDir}` };
  }
  const storage = await PostgresStorage.open({ connectionString: config.databaseUrl });
  // Server writes (notes, votes, reveals, saves) are serialised in PostgreSQL, so any instance may take any request.
  const lock = new PostgresLock(config.databaseUrl);
  const extensions: Extension[] = [];
  const redisUrl = config.redisUrl;
  if (redisUrl) {
    extensions.push(new Redis({ prefix: 'debrief', createClient: () => new IORedis(redisUrl, { maxRetriesPerRequest: null }) }));
  }
  return {
    storage,
    lock,
    extensions,
    onClose: () => lock.close(),
    description: `PostgreSQL at ${describeDatabase(config.databaseUrl)}${redisUrl ? `, joined through Redis at ${new URL(redisUrl).host}` : ''}`,
  };
}
