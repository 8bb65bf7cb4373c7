import { expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock.ts';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('serialises tasks per key, runs other keys alongside, and survives failures', async () => {
  const lock = new KeyedLock();
  const log: string[] = [];
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`start ${name}`);
      await delay(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([lock.run('a', task('a1', 30, true)), lock.run('a', task('a2', 5)), lock.run('b', task('b1', 5))]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
});
