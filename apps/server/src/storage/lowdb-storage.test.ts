import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

it('never keeps notes in submission order in the file, whichever write changed them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
  const storage = new LowdbStorage(dir);
  const record = sampleRecord();
  await storage.createPostmortem(record, {});
  const fileIds = async () => {
    const file = JSON.parse(await readFile(join(dir, 'postmortems', `${record.id}.json`), 'utf8')) as { notes: object };
    return Object.keys(file.notes);
  };
  const ids = ['zz00000000000000', 'aa00000000000000', 'mm00000000000000', 'cc00000000000000'];
  for (const id of ids) await storage.createNote(record.id, { id, secretHash: 'h'.repeat(64), held: { text: id, color: 'yellow', eventId: null } });
  expect(await fileIds()).toEqual([...ids].sort());
  const state = new Uint8Array([0, 0]);
  const writes = [
    () => storage.updateHeldNote(record.id, 'aa00000000000000', { text: 'edited', color: 'pink', eventId: null }),
    () => storage.releaseHeldNotes(record.id, ['mm00000000000000', 'zz00000000000000', 'aa00000000000000'], state),
    () => storage.moderateNotes(record.id, [{ noteId: 'zz00000000000000', moderation: { state: 'hidden', original: 'zz' } }], state),
    () => storage.deleteNote(record.id, 'mm00000000000000', state),
  ];
  for (const write of writes) {
    await write();
    const inFile = await fileIds();
    expect(inFile).toEqual([...inFile].sort());
  }
  expect(await fileIds()).toEqual(['aa00000000000000', 'cc00000000000000', 'zz00000000000000']);
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

it('reads note records written before moderation existed as unmoderated', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
  const record = sampleRecord();
  const old = { id: 'aa00000000000000', secretHash: 'h'.repeat(64), held: null };
  await mkdir(join(dir, 'postmortems'));
  await writeFile(join(dir, 'postmortems', `${record.id}.json`), JSON.stringify({ postmortem: record, documents: {}, notes: { [old.id]: old } }));
  const storage = new LowdbStorage(dir);
  expect(await storage.getNote(record.id, old.id)).toEqual({ ...old, moderation: null });
  expect(await storage.countNotes(record.id)).toEqual({ active: 1, stored: 1 });
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
