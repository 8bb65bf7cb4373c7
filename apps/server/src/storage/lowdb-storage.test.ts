import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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

it('never keeps notes in submission order in the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
  const storage = new LowdbStorage(dir);
  const record = sampleRecord();
  await storage.createPostmortem(record, {});
  const ids = ['zz00000000000000', 'aa00000000000000', 'mm00000000000000'];
  for (const id of ids) await storage.createNote(record.id, { id, secretHash: 'h'.repeat(64), held: { text: id, color: 'yellow', eventId: null } });
  await storage.close();
  const file = JSON.parse(await readFile(join(dir, 'postmortems', `${record.id}.json`), 'utf8')) as { notes: object };
  expect(Object.keys(file.notes)).toEqual([...ids].sort());
  await rm(dir, { recursive: true, force: true });
});
