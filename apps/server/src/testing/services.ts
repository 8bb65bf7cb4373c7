import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';

/** Where the test suite finds PostgreSQL and Redis (the test command starts both on 127.0.0.1 when it can). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port), hostname, () => done(true));
  });
}

/**
 * True when the service answers; otherwise says loudly which tests are skipped and why, so a run on a machine
 * without the service is never mistaken for a pass of those tests.
 */
export async function serviceAvailable(name: 'PostgreSQL' | 'Redis', url: string, what: string): Promise<boolean> {
  if (await answers(url)) return true;
  const { hostname, port } = new URL(url);
  const message = `SKIPPED ${what}: ${name} does not answer at ${hostname}:${port}`;
  if (process.env.CI) throw new Error(`${message} (CI must have it)`);
  console.warn(`\n*** ${message} ***\n`);
  return false;
}

/** A schema name of its own for one test, so runs never see each other's rows. */
export function freshSchema(): string {
  return `debrief_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A database of its own (for server processes, which take a URL): returns its URL and a drop function. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = freshSchema();
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
