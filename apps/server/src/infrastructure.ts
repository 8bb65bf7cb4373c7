import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
import IORedis from 'ioredis';
import type { Config } from './config.ts';
import type { Lock } from './postmortems/keyed-lock.ts';
import { createRateLimiter, type RateLimiter } from './limits/rate-limits.ts';
import type { AccessSignal } from './postmortems/revoke-access.ts';
import { LowdbStorage } from './storage/lowdb-storage.ts';
import { PostgresLock } from './storage/postgres/advisory-lock.ts';
import { describeDatabase, PostgresStorage } from './storage/postgres/postgres-storage.ts';
import type { Storage } from './storage/storage.ts';

/** The Redis channel on which instances announce replaced links and deleted post-mortems. */
const ACCESS_CHANNEL = 'debrief:access-revoked';

/** Where state lives and how instances are joined, as chosen by the environment. */
export interface Infrastructure {
  storage: Storage;
  /** Undefined: one process, in-memory locks are enough. */
  lock?: Lock;
  storeLock?: Lock;
  extensions: Extension[];
  /** Per-address limits, counted in Redis when instances share it. */
  rateLimiter: RateLimiter;
  /** Replaced links and deleted post-mortems reach every instance through Redis; undefined: one process. */
  accessSignal?: AccessSignal;
  onClose: () => Promise<void>;
  /** For the start-up log line; never includes a password. */
  description: string;
}

/** Opens storage (PostgreSQL or lowdb) and, with REDIS_URL, the Redis extension and a cross-instance lock. */
export async function openInfrastructure(config: Config): Promise<Infrastructure> {
  if (!config.databaseUrl) {
    return {
      storage: new LowdbStorage(config.dataDir),
      extensions: [],
      rateLimiter: createRateLimiter({ scale: config.rateLimitScale }),
      onClose: async () => undefined,
      description: `data in ${config.dataDir}`,
    };
  }
  const storage = await PostgresStorage.open({ connectionString: config.databaseUrl });
  // Server writes (notes, votes, reveals, saves) are serialised in PostgreSQL, so any instance may take any request.
  const lock = new PostgresLock(config.databaseUrl);
  // Saves lock on a pool of their own: a server write holds `lock` while its save takes `storeLock`.
  const storeLock = new PostgresLock(config.databaseUrl);
  const extensions: Extension[] = [];
  const redisUrl = config.redisUrl;
  let counters: IORedis | undefined;
  let accessSignal: AccessSignal | undefined;
  let subscriber: IORedis | undefined;
  if (redisUrl) {
    extensions.push(new Redis({ prefix: 'debrief', createClient: () => new IORedis(redisUrl, { maxRetriesPerRequest: null }) }));
    // Limits count across instances; a command that cannot reach Redis fails fast and the request goes through.
    counters = new IORedis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    counters.on('error', () => undefined);
    const publisher = counters;
    const listener = (subscriber = new IORedis(redisUrl, { maxRetriesPerRequest: null }));
    listener.on('error', () => undefined);
    accessSignal = {
      publish: async (postmortemId) => void (await publisher.publish(ACCESS_CHANNEL, postmortemId)),
      subscribe: (onRevoked) => {
        void listener.subscribe(ACCESS_CHANNEL);
        listener.on('message', (channel: string, postmortemId: string) => {
          if (channel === ACCESS_CHANNEL) onRevoked(postmortemId);
        });
      },
    };
  }
  return {
    storage,
    lock,
    storeLock,
    extensions,
    rateLimiter: createRateLimiter({ scale: config.rateLimitScale, redis: counters }),
    accessSignal,
    onClose: async () => {
      counters?.disconnect();
      subscriber?.disconnect();
      await Promise.all([lock.close(), storeLock.close()]);
    },
    description: `PostgreSQL at ${describeDatabase(config.databaseUrl)}${redisUrl ? `, joined through Redis at ${new URL(redisUrl).host}` : ''}`,
  };
}
