import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sampleRecord, storageContract } from './contract.ts';
import { LowdbStorage } from './lowdb-storage.ts';

storageContract('lowdb', () => {
  let dir = '';
  return {
    create: async () => {
      dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
      return new LowdbStorage(dir);
    },
    reopen: async () => new LowdbStorage(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

it('keeps one file per post-mortem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
  const storage = new LowdbStorage(dir);
  const a = sampleRecord();
  const b = sampleRecord();
  await storage.createPostmortem(a, {});
  await storage.createPostmortem(b, {});
  await storage.close();
  expect((await readdir(join(dir, 'postmortems'))).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
  await rm(dir, { recursive: true, force: true });
});
