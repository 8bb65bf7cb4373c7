import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsWith, sampleRecord, sampleReport, storageContract } from './contract.ts';
import { LowdbStorage } from './lowdb-storage.ts';

const MB = 1024 * 1024;

storageContract('lowdb', () => {
  let dir = '';
  return {
    create: async () => {
      dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
      return new LowdbStorage(dir);
    },
    reopen: async (limits) => new LowdbStorage(dir, { limits }),
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

describe('the cache of post-mortem files', () => {
  it('stays under its byte bound however many large post-mortems are read, and every read is still right', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
    const boards = new Map<string, Uint8Array>();
    const writer = new LowdbStorage(dir, { cacheBytes: 3 * MB });
    for (let i = 0; i < 25; i++) {
      const record = sampleRecord();
      boards.set(record.id, randomBytes(MB));
      await writer.createPostmortem(record, { board: boards.get(record.id)! });
      expect(writer.cachedBytes).toBeLessThanOrEqual(3 * MB);
    }
    await writer.close();

    const storage = new LowdbStorage(dir, { cacheBytes: 3 * MB });
    for (const [id, board] of boards) {
      expect(Buffer.from((await storage.loadDocument(id, 'board'))!).equals(board)).toBe(true);
      expect(storage.cachedBytes).toBeGreaterThan(MB);
      expect(storage.cachedBytes).toBeLessThanOrEqual(3 * MB);
    }
    // All at once too: reads in flight are not held until they are done, and then only within the bound.
    await Promise.all([...boards.keys()].map((id) => storage.getPostmortem(id)));
    expect(storage.cachedBytes).toBeLessThanOrEqual(3 * MB);
    // Rereading what was dropped loads it again.
    const [first] = boards.keys();
    expect(Buffer.from((await storage.loadDocument(first!, 'board'))!).equals(boards.get(first!)!)).toBe(true);
    await storage.close();
    expect(storage.cachedBytes).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  it('loses no write when files are dropped from memory while others are written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
    // One byte: every file is dropped as soon as nobody is changing it.
    const storage = new LowdbStorage(dir, { cacheBytes: 1 });
    const records = Array.from({ length: 8 }, () => sampleRecord());
    for (const record of records) await storage.createPostmortem(record, { board: randomBytes(50_000) });
    const noteIds = (i: number) => Array.from({ length: 12 }, (_, n) => `n${String(i).padStart(2, '0')}${String(n).padStart(13, '0')}`);
    const held = { text: 'at once', color: 'yellow' as const, eventId: null };
    await Promise.all(
      records.flatMap((record, i) => [
        ...noteIds(i).map((id) => storage.createNote(record.id, { id, secretHash: 'a'.repeat(64), held })),
        storage.storeDocument(record.id, 'board', randomBytes(50_000)),
        storage.getPostmortem(record.id),
      ]),
    );
    await storage.close();
    const reopened = new LowdbStorage(dir);
    for (const [i, record] of records.entries()) {
      expect((await reopened.listHeldNotes(record.id)).map((note) => note.id).sort()).toEqual(noteIds(i));
    }
    await reopened.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the index files', () => {
  it('are built for post-mortems stored before the index existed or marked stale by a crash, and go with a post-mortem deleted halfway', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
    const old = sampleRecord({ title: 'From before the index' });
    const crashed = sampleRecord({ title: 'Crashed mid-save' });
    const gone = sampleRecord({ title: 'Deleted halfway' });
    const first = new LowdbStorage(dir);
    for (const record of [old, crashed, gone]) {
      await first.createPostmortem(record, { findings: findingsWith([{ what: `Act on ${record.title}` }]).state });
    }
    await first.saveReport(old.id, sampleReport(old.id, 1));
    await first.close();
    const index = join(dir, 'index');
    // As a server of the previous version left it: no entry for `old`.
    await rm(join(index, `${old.id}.json`));
    // A crash after the file was written and before its entry: the mark is left, the entry is behind.
    await writeFile(
      join(index, `${crashed.id}.json`),
      JSON.stringify({ actions: { postmortemId: crashed.id, facilitatorKeyHash: 'f'.repeat(64), live: [], published: null }, report: null }),
    );
    await writeFile(join(index, `${crashed.id}.stale`), '');
    // A delete interrupted after the file went: its entry must not list it.
    await rm(join(dir, 'postmortems', `${gone.id}.json`));

    const storage = new LowdbStorage(dir);
    const entries = await storage.listActionsIndex();
    expect(entries.map((entry) => entry.postmortemId).sort()).toEqual([old.id, crashed.id].sort());
    expect(entries.find((entry) => entry.postmortemId === crashed.id)?.live.map((a) => a.what)).toEqual(['Act on Crashed mid-save']);
    expect((await storage.listReportIndex()).map((entry) => entry.postmortemId)).toEqual([old.id]);
    expect((await readdir(index)).sort()).toEqual([`${old.id}.json`, `${crashed.id}.json`].sort());
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keep the entries of post-mortems created while the index is first read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debrief-lowdb-'));
    const first = new LowdbStorage(dir);
    for (let i = 0; i < 3; i++) await first.createPostmortem(sampleRecord(), {});
    await first.close();
    const storage = new LowdbStorage(dir);
    const created = Array.from({ length: 12 }, () => sampleRecord());
    await Promise.all([storage.listActionsIndex(), ...created.map((record) => storage.createPostmortem(record, {}))]);
    const listed = new Set((await storage.listActionsIndex()).map((entry) => entry.postmortemId));
    expect(listed.size).toBe(15);
    for (const record of created) expect(listed.has(record.id)).toBe(true);
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });
});
