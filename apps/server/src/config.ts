import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedHostsFor, type AllowedHosts } from './http/allowed-hosts.ts';
import { parseTrustProxy, type TrustProxy } from './limits/client-address.ts';
import type { LoadLimits } from './load/load-monitor.ts';

/** Server settings, all from the environment (see README). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  webDist: string;
  publicUrl?: string;
  /**
   * The Host names requests may name (PUBLIC_URL's and ALLOWED_HOSTS, or loopback names on a loopback HOST when
   * neither is set); null when any is served, which `main.ts` warns about.
   */
  allowedHosts: AllowedHosts;
  /** PostgreSQL for all state (several instances); without it, lowdb files in `dataDir`. */
  databaseUrl?: string;
  /** Redis joining several instances into one live system; needs `databaseUrl`. */
  redisUrl?: string;
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY); none by default. */
  trustProxy: TrustProxy;
  /** Multiplier for every rate limit (RATE_LIMIT_SCALE); 0 turns them off, e.g. for load tests. */
  rateLimitScale: number;
  /** When new connections are refused (MAX_CONNECTIONS, BUSY_DELAY_MS); the defaults in load/load-monitor.ts otherwise. */
  loadLimits: Partial<LoadLimits>;
}

/** A whole number ≥ 1 from the environment, or undefined when unset; throws a readable message otherwise. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${raw}"`);
  return value;
}

/** Reads and checks the environment; throws a readable message on bad values. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    throw new Error(`PUBLIC_URL must be an origin such as https://debrief.example.org, not "${env.PUBLIC_URL}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL URL such as postgres://user@host:5432/debrief');
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a Redis URL such as redis://host:6379');
  if (redisUrl && !databaseUrl) {
    throw new Error('REDIS_URL joins several instances, which must share storage: set DATABASE_URL too (embedded files belong to one process)');
  }
  const rateLimitScale = Number(env.RATE_LIMIT_SCALE ?? 1);
  if (!Number.isFinite(rateLimitScale) || rateLimitScale < 0) throw new Error(`RATE_LIMIT_SCALE must be a number ≥ 0, not "${env.RATE_LIMIT_SCALE}"`);
  const host = env.HOST ?? '127.0.0.1';
  const maxConnections = positiveInteger(env, 'MAX_CONNECTIONS');
  const busyDelayMs = positiveInteger(env, 'BUSY_DELAY_MS');
  return {
    loadLimits: { ...(maxConnections ? { maxConnections } : {}), ...(busyDelayMs ? { busyDelayMs } : {}) },
    allowedHosts: allowedHostsFor({ publicUrl, allowedHosts: env.ALLOWED_HOSTS, bindHost: host }),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimitScale,
    databaseUrl,
    redisUrl,
    host,
    port,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    webDist: resolve(env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url))),
    publicUrl,
  };
}
