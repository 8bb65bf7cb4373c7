import { expect, it } from 'vitest';
import { serviceAvailable, TEST_DATABASE_URL } from '../../testing/services.ts';
import { PostgresLock } from './advisory-lock.ts';

const available = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 'the PostgreSQL lock test');
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

it.skipIf(!available)('serialises tasks with the same key across separate lock holders (as two instances would be)', async () => {
  const a = new PostgresLock(TEST_DATABASE_URL);
  const b = new PostgresLock(TEST_DATABASE_URL);
  const key = `test-${Math.random()}`;
  const log: string[] = [];
  const task = (name: string) => async () => {
    log.push(`start ${name}`);
    await delay(40);
    log.push(`end ${name}`);
    return name;
  };
  const results = await Promise.all([a.run(key, task('a1')), b.run(key, task('b1')), a.run(key, task('a2')), b.run(`${key}-other`, task('other'))]);
  expect(results).toEqual(['a1', 'b1', 'a2', 'other']);
  // Same key: never two at once, whichever instance holds it.
  const sameKey = log.filter((line) => !line.endsWith('other'));
  for (let i = 0; i < sameKey.length; i += 2) {
    expect(sameKey[i]!.replace('start', '')).toBe(sameKey[i + 1]!.replace('end', ''));
  }
  // A failing task releases the lock for the next one.
  await expect(a.run(key, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  await expect(b.run(key, async () => 'after')).resolves.toBe('after');
  await Promise.all([a.close(), b.close()]);
});
