import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import * as Y from 'yjs';
import { addAction, createBoardUpdate, promoteFinding, readMeta, updateAction } from '@debrief/model';
import { REPORT_SCHEMA, type Report } from '@debrief/protocol';
import { reportBytes } from './projections.ts';
import { ReportQuotaError, type PostmortemRecord, type Storage, type StorageLimits } from './storage.ts';

/** How a suite gets a fresh adapter, and a second instance over the same data to prove durability. */
export interface StorageHarness {
  create(): Promise<Storage>;
  /** Another instance over the same data, with other limits when given. */
  reopen(limits?: Partial<StorageLimits>): Promise<Storage>;
  cleanup(): Promise<void>;
}

/** A complete published report, as publishing would make it. */
export function sampleReport(postmortemId: string, version: number, overrides: Partial<Report> = {}): Report {
  return {
    schema: REPORT_SCHEMA,
    id: postmortemId,
    version,
    publishedAt: `2026-11-0${Math.min(version, 9)}T10:00:00.000Z`,
    title: `Checkout outage v${version}`,
    incidentAt: '2026-11-01T14:02:00.000Z',
    summary: 'Payments failed.',
    impact: 'Lost orders.',
    incident: { severity: 'SEV2', services: ['checkout-api'], teams: ['Payments'], impactMinutes: 42 },
    timeline: [],
    contributingFactors: {
      findings: [{ statement: 'Alerts went to an old channel', category: 'Tooling' }],
      fishbone: { problem: '', categories: [] },
    },
    proximateCauses: [],
    rootCauses: [{ statement: 'No owner for the alert routes' }],
    wentWell: [],
    gotLucky: [],
    correctiveActions: [],
    lessonsLearned: '',
    observations: [],
    changes: null,
    ...overrides,
  };
}

/** A corrective action as a published report lists it (committed: an owner and a due date). */
export function sampleReportAction(overrides: Partial<Report['correctiveActions'][number]> = {}): Report['correctiveActions'][number] {
  return {
    id: 'action-1',
    what: 'Route alerts',
    owner: 'SRE',
    due: '2026-12-01',
    status: 'Open',
    priority: 'high',
    kind: 'prevent',
    trackerUrl: '',
    findings: [],
    committed: true,
    ...overrides,
  };
}

/** A findings document holding one finding and the actions given (what, and the fields to set), plus their ids. */
export function findingsWith(actions: { what: string; owner?: string; due?: string; status?: 'open' | 'done' }[]): {
  state: Uint8Array;
  ids: string[];
} {
  const doc = new Y.Doc();
  const finding = promoteFinding(doc, { type: 'contributing', statement: 'Alerts went to an old channel', category: 'Tooling' });
  const ids = actions.map(({ what, ...fields }) => {
    const id = addAction(doc, [finding], what);
    updateAction(doc, id, fields);
    return id;
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, ids };
}

/** A record with a fresh valid id. */
export function sampleRecord(overrides: Partial<PostmortemRecord> = {}): PostmortemRecord {
  const id = Array.from({ length: 16 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
  return {
    id,
    title: 'Checkout outage',
    summary: 'Payments failed for 40 minutes.',
    incidentAt: '2026-11-01T14:02:00.000Z',
    createdAt: '2026-11-02T09:00:00.000Z',
    keyHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64) },
    ...overrides,
  };
}

/** The title in a stored notes document: the tests store stand-in states told apart by their title. */
async function storedTitle(storage: Storage, postmortemId: string): Promise<string | undefined> {
  const state = await storage.loadDocument(postmortemId, 'notes');
  if (!state) return undefined;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return readMeta(doc).title;
}

/** The behaviour every storage adapter must show; run it once per adapter. */
export function storageContract(name: string, harness: () => StorageHarness): void {
  describe(`storage contract: ${name}`, () => {
    let h: StorageHarness;
    let storage: Storage;

    beforeEach(async () => {
      h = harness();
      storage = await h.create();
    });
    afterEach(async () => {
      await storage.close();
      await h.cleanup();
    });

    it('stores a post-mortem with its board and reads both back', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, { board: createBoardUpdate({ title: record.title }) });
      expect(await storage.getPostmortem(record.id)).toEqual(record);
      const state = await storage.loadDocument(record.id, 'board');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!);
      expect(readMeta(doc).title).toBe('Checkout outage');
    });

    it('replaces key hashes, durably, and only for that post-mortem', async () => {
      const record = sampleRecord();
      const other = sampleRecord();
      await storage.createPostmortem(record, {});
      await storage.createPostmortem(other, {});
      const rotated = { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64) };
      await storage.replaceKeyHashes(record.id, rotated);
      await storage.close();
      storage = await h.reopen();
      expect(await storage.getPostmortem(record.id)).toEqual({ ...record, keyHashes: rotated });
      expect(await storage.getPostmortem(other.id)).toEqual(other);
      await expect(storage.replaceKeyHashes('zzzzzzzzzzzzzzzz', rotated)).rejects.toThrow();
    });

    it('keeps one owner key hash per action, replaced or removed without touching the others', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      await Promise.all([
        storage.setOwnerKeyHash(record.id, 'aaaaaaaaaaaaaaaa', 'e'.repeat(64)),
        storage.setOwnerKeyHash(record.id, 'bbbbbbbbbbbbbbbb', 'f'.repeat(64)),
      ]);
      await storage.setOwnerKeyHash(record.id, 'aaaaaaaaaaaaaaaa', '1'.repeat(64));
      await storage.close();
      storage = await h.reopen();
      expect((await storage.getPostmortem(record.id))?.ownerKeyHashes).toEqual({
        aaaaaaaaaaaaaaaa: '1'.repeat(64),
        bbbbbbbbbbbbbbbb: 'f'.repeat(64),
      });
      await storage.setOwnerKeyHash(record.id, 'bbbbbbbbbbbbbbbb', null);
      expect(await storage.getPostmortem(record.id)).toEqual({ ...record, ownerKeyHashes: { aaaaaaaaaaaaaaaa: '1'.repeat(64) } });
      await expect(storage.setOwnerKeyHash('zzzzzzzzzzzzzzzz', 'aaaaaaaaaaaaaaaa', '2'.repeat(64))).rejects.toThrow();
    });

    it('lists every post-mortem', async () => {
      expect(await storage.listPostmortems()).toEqual([]);
      const a = sampleRecord({ title: 'A' });
      const b = sampleRecord({ title: 'B' });
      await storage.createPostmortem(a, {});
      await storage.createPostmortem(b, {});
      expect((await storage.listPostmortems()).map((r) => r.title).sort()).toEqual(['A', 'B']);
    });

    it('answers null for unknown post-mortems and documents', async () => {
      expect(await storage.getPostmortem('zzzzzzzzzzzzzzzz')).toBeNull();
      expect(await storage.loadDocument('zzzzzzzzzzzzzzzz', 'board')).toBeNull();
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      expect(await storage.loadDocument(record.id, 'board')).toBeNull();
    });

    it('finds a post-mortem created after it was first asked about', async () => {
      const record = sampleRecord();
      expect(await storage.getPostmortem(record.id)).toBeNull();
      await storage.createPostmortem(record, {});
      expect(await storage.getPostmortem(record.id)).toEqual(record);
    });

    it('replaces a stored document and keeps it across a reopen', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, { board: createBoardUpdate({ title: 'before' }) });
      await storage.storeDocument(record.id, 'board', createBoardUpdate({ title: 'after' }));
      await storage.close();

      storage = await h.reopen();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDocument(record.id, 'board'))!);
      expect(readMeta(doc).title).toBe('after');
      expect((await storage.getPostmortem(record.id))?.title).toBe('Checkout outage');
    });

    it('keeps the last of many quick writes', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      await Promise.all(Array.from({ length: 20 }, (_, i) => storage.storeDocument(record.id, 'board', createBoardUpdate({ title: `v${i}` }))));
      await storage.close();
      storage = await h.reopen();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDocument(record.id, 'board'))!);
      expect(readMeta(doc).title).toBe('v19');
    });

    it('refuses ids that are not post-mortem ids instead of touching storage', async () => {
      await expect(storage.getPostmortem('../../etc/passwd')).rejects.toThrow(/not a post-mortem id/);
      await expect(storage.storeDocument('../x', 'board', new Uint8Array())).rejects.toThrow();
    });

    it('keeps note records with their held content until released', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      const held = { text: 'Runbook was out of date', color: 'yellow' as const, eventId: null };
      await storage.createNote(record.id, { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held });
      await storage.createNote(record.id, { id: 'note0000000000bb', secretHash: 'b'.repeat(64), held: { ...held, text: 'two' } });
      const stored = { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held, moderation: null };
      expect(await storage.getNote(record.id, 'note0000000000aa')).toEqual(stored);
      expect(await storage.getNote(record.id, 'nope000000000000')).toBeNull();

      await storage.updateHeldNote(record.id, 'note0000000000aa', { ...held, text: 'edited', color: 'pink' });
      expect((await storage.getNote(record.id, 'note0000000000aa'))?.held).toMatchObject({ text: 'edited', color: 'pink' });
      expect((await storage.listHeldNotes(record.id)).map((n) => n.id).sort()).toEqual(['note0000000000aa', 'note0000000000bb']);
      expect(await storage.countNotes(record.id)).toEqual({ active: 2, stored: 2 });

      const notesState = createBoardUpdate({ title: 'stand-in notes state' });
      await storage.releaseHeldNotes(record.id, ['note0000000000aa'], notesState);
      await storage.close();
      storage = await h.reopen();
      expect(await storage.listHeldNotes(record.id)).toEqual([expect.objectContaining({ id: 'note0000000000bb' })]);
      expect((await storage.getNote(record.id, 'note0000000000aa'))?.held).toBeNull();
      expect(await storage.loadDocument(record.id, 'notes')).toEqual(notesState);

      await storage.deleteNote(record.id, 'note0000000000aa', createBoardUpdate({ title: 'after delete' }));
      await storage.deleteNote(record.id, 'note0000000000bb', null);
      expect(await storage.getNote(record.id, 'note0000000000aa')).toBeNull();
      expect(await storage.listHeldNotes(record.id)).toEqual([]);
      expect(await storage.countNotes(record.id)).toEqual({ active: 0, stored: 0 });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDocument(record.id, 'notes'))!);
      expect(readMeta(doc).title).toBe('after delete');
    });

    it('keeps every one of many notes submitted at once', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      const ids = Array.from({ length: 20 }, (_, i) => `note${String(i).padStart(12, '0')}`);
      const held = { text: 'at once', color: 'yellow' as const, eventId: null };
      await Promise.all(ids.map((id) => storage.createNote(record.id, { id, secretHash: 'a'.repeat(64), held })));
      expect((await storage.listHeldNotes(record.id)).map((note) => note.id).sort()).toEqual(ids);
      expect(await storage.countNotes(record.id)).toEqual({ active: 20, stored: 20 });
    });

    it('refuses a note for an unknown post-mortem, and a second note under a taken id', async () => {
      const held = { text: 'first', color: 'yellow' as const, eventId: null };
      await expect(storage.createNote('zzzzzzzzzzzzzzzz', { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held })).rejects.toThrow();
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      await storage.createNote(record.id, { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held });
      await expect(storage.createNote(record.id, { id: 'note0000000000aa', secretHash: 'b'.repeat(64), held: null })).rejects.toThrow();
      const stored = { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held, moderation: null };
      expect(await storage.getNote(record.id, 'note0000000000aa')).toEqual(stored);
    });

    it('keeps the moderation of revealed notes with the notes document, and leaves hidden notes out of the count', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      const held = { text: 'Bob should have checked', color: 'yellow' as const, eventId: null };
      const [hidden, paraphrased, untouched, waiting] = ['note0000000000aa', 'note0000000000bb', 'note0000000000cc', 'note0000000000dd'] as const;
      for (const id of [hidden, paraphrased, untouched, waiting]) await storage.createNote(record.id, { id, secretHash: 'a'.repeat(64), held });
      await storage.releaseHeldNotes(record.id, [hidden, paraphrased, untouched], createBoardUpdate({ title: 'revealed' }));
      const hide = { state: 'hidden' as const, original: 'Bob should have checked' };
      const paraphrase = { state: 'paraphrased' as const, original: 'Bob should have checked' };
      await storage.moderateNotes(
        record.id,
        [
          { noteId: hidden, moderation: hide },
          { noteId: paraphrased, moderation: paraphrase },
          { noteId: 'nope000000000000', moderation: hide },
        ],
        createBoardUpdate({ title: 'moderated' }),
      );
      await storage.close();
      storage = await h.reopen();
      expect(await storage.getNote(record.id, hidden)).toEqual({ id: hidden, secretHash: 'a'.repeat(64), held: null, moderation: hide });
      expect((await storage.getNote(record.id, paraphrased))?.moderation).toEqual(paraphrase);
      expect((await storage.getNote(record.id, untouched))?.moderation).toBeNull();
      expect(await storage.getNote(record.id, 'nope000000000000')).toBeNull();
      expect(await storage.listHeldNotes(record.id)).toEqual([{ id: waiting, secretHash: 'a'.repeat(64), held, moderation: null }]);
      // A paraphrased note still counts toward the cap; only a hidden one frees its place.
      expect(await storage.countNotes(record.id)).toEqual({ active: 3, stored: 4 });
      expect(await storedTitle(storage, record.id)).toBe('moderated');

      await storage.moderateNotes(record.id, [{ noteId: hidden, moderation: null }], createBoardUpdate({ title: 'shown again' }));
      expect((await storage.getNote(record.id, hidden))?.moderation).toBeNull();
      expect((await storage.getNote(record.id, paraphrased))?.moderation).toEqual(paraphrase);
      expect(await storage.countNotes(record.id)).toEqual({ active: 4, stored: 4 });
      expect(await storedTitle(storage, record.id)).toBe('shown again');

      await storage.deleteNote(record.id, paraphrased, createBoardUpdate({ title: 'withdrawn' }));
      expect(await storage.getNote(record.id, paraphrased)).toBeNull();
      await expect(storage.moderateNotes('zzzzzzzzzzzzzzzz', [], createBoardUpdate({ title: 'x' }))).rejects.toThrow();
    });

    it('keeps anonymous ballots and voting settings, each saved with the notes document', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, {});
      expect(await storage.getVoting(record.id)).toEqual({ open: false, votesPerPerson: 3 });
      await storage.setVoting(record.id, { open: true, votesPerPerson: 5 }, createBoardUpdate({ title: 'voting' }));
      await storage.createBallot(record.id, 'b'.repeat(64));
      await storage.createBallot(record.id, 'a'.repeat(64));
      expect(await storage.getBallot(record.id, 'b'.repeat(64))).toEqual([]);
      expect(await storage.getBallot(record.id, 'c'.repeat(64))).toBeNull();
      const [note, factor] = ['note:' + 'x'.repeat(16), 'factor:' + 'y'.repeat(16)];
      await storage.saveBallot(record.id, 'b'.repeat(64), [note, factor, note], createBoardUpdate({ title: 'tallied' }));
      await storage.close();
      storage = await h.reopen();
      expect(await storage.getVoting(record.id)).toEqual({ open: true, votesPerPerson: 5 });
      expect((await storage.getBallot(record.id, 'b'.repeat(64)))?.sort()).toEqual([factor, note, note]);
      expect((await storage.listBallots(record.id)).map((votes) => votes.length).sort()).toEqual([0, 3]);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await storage.loadDocument(record.id, 'notes'))!);
      expect(readMeta(doc).title).toBe('tallied');
    });

    it('hands back a report an older server stored upgraded to the current schema, and refuses one that is no report', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, { board: createBoardUpdate({ title: 'x' }) });
      // As version 1 of the report schema stored it: no action id, `paraphrased` only when true.
      const { id: _id, ...action } = sampleReportAction({ what: 'Route alerts' });
      const old = {
        ...sampleReport(record.id, 1),
        schema: 'debrief.report/1',
        correctiveActions: [action],
        observations: [{ text: 'Alerts were muted', theme: null }],
      };
      await storage.saveReport(record.id, old as unknown as Report);
      const read = await storage.getReport(record.id);
      expect(read).toMatchObject({
        schema: REPORT_SCHEMA,
        correctiveActions: [{ id: '', what: 'Route alerts' }],
        observations: [{ text: 'Alerts were muted', paraphrased: false }],
      });
      await storage.saveReport(record.id, { ...sampleReport(record.id, 2), schema: 'debrief.report/9' } as unknown as Report);
      await expect(storage.getReport(record.id)).rejects.toThrow(/unknown schema \(debrief.report\/9\)/);
    });

    it('keeps published report versions, and deletes every trace of a post-mortem', async () => {
      const record = sampleRecord();
      await storage.createPostmortem(record, { board: createBoardUpdate({ title: 'x' }) });
      await storage.createNote(record.id, { id: 'note0000000000aa', secretHash: 'a'.repeat(64), held: null });
      expect(await storage.getReport(record.id)).toBeNull();
      await storage.saveReport(record.id, sampleReport(record.id, 1));
      await storage.saveReport(record.id, sampleReport(record.id, 2));
      expect((await storage.getReport(record.id))?.version).toBe(2);
      expect((await storage.getReport(record.id, 1))?.version).toBe(1);
      expect(await storage.getReport(record.id, 3)).toBeNull();

      expect(await storage.wasDeleted(record.id)).toBe(false);
      await storage.deletePostmortem(record.id);
      expect(await storage.wasDeleted(record.id)).toBe(true);
      expect(await storage.getPostmortem(record.id)).toBeNull();
      expect(await storage.loadDocument(record.id, 'board')).toBeNull();
      expect(await storage.getNote(record.id, 'note0000000000aa')).toBeNull();
      expect(await storage.getReport(record.id)).toBeNull();
      expect(await storage.listPostmortems()).toEqual([]);
      expect(await storage.listActionsIndex()).toEqual([]);
      expect(await storage.listReportIndex()).toEqual([]);
      await storage.close();
      storage = await h.reopen();
      expect(await storage.getPostmortem(record.id)).toBeNull();
      // Only the id is left, so a browser's copy can be told apart from a link that never worked.
      expect(await storage.wasDeleted(record.id)).toBe(true);
      expect(await storage.wasDeleted('zzzzzzzzzzzzzzzz')).toBe(false);
      await expect(storage.wasDeleted('../x')).rejects.toThrow();
    });

    it('keeps an actions index entry per post-mortem, rewritten with its findings document, its latest report and its keys', async () => {
      const record = sampleRecord({ title: 'Indexed' });
      const other = sampleRecord({ title: 'Other' });
      const first = findingsWith([{ what: 'Route alerts to the on-call channel', owner: 'SRE', due: '2026-12-01' }]);
      await storage.createPostmortem(record, { board: createBoardUpdate({ title: 'x' }), findings: first.state });
      await storage.createPostmortem(other, {});
      const entry = async (id: string) => (await storage.listActionsIndex()).find((e) => e.postmortemId === id);
      expect(await entry(other.id)).toEqual({ postmortemId: other.id, facilitatorKeyHash: other.keyHashes.facilitator, live: [], published: null });
      expect(await entry(record.id)).toEqual({
        postmortemId: record.id,
        facilitatorKeyHash: record.keyHashes.facilitator,
        live: [
          expect.objectContaining({
            postmortemId: record.id,
            postmortemTitle: 'Indexed',
            id: first.ids[0],
            what: 'Route alerts to the on-call channel',
            owner: 'SRE',
            due: '2026-12-01',
            status: 'open',
            committed: true,
            findings: ['Alerts went to an old channel'],
          }),
        ],
        published: null,
      });
      // `overdue` depends on the day asked, so the index leaves it out.
      expect((await entry(record.id))?.live[0]).not.toHaveProperty('overdue');

      // Stored again with a second action: the entry follows.
      const second = findingsWith([{ what: 'Route alerts' }, { what: 'Page a second person' }]);
      await storage.storeDocument(record.id, 'findings', second.state);
      expect((await entry(record.id))?.live.map((a) => a.what).sort()).toEqual(['Page a second person', 'Route alerts']);

      // Published: the report's words, with the follow-up status of the findings document given with it.
      const [published] = second.ids;
      const report = sampleReport(record.id, 1, {
        title: 'Indexed (published)',
        correctiveActions: [sampleReportAction({ id: published!, what: 'Route alerts (as published)', owner: 'the SRE team' })],
      });
      const doneNow = new Y.Doc();
      Y.applyUpdate(doneNow, second.state);
      updateAction(doneNow, published!, { status: 'done', doneAt: '2026-11-20' });
      await storage.saveReport(record.id, report, Y.encodeStateAsUpdate(doneNow));
      expect((await entry(record.id))?.published).toEqual([
        expect.objectContaining({
          id: published,
          postmortemTitle: 'Indexed (published)',
          what: 'Route alerts (as published)',
          owner: 'the SRE team',
          status: 'done',
          doneAt: '2026-11-20',
        }),
      ]);
      // A later store of the findings document moves only the status on.
      updateAction(doneNow, published!, { status: 'wont_do', statusReason: 'Replaced' });
      await storage.storeDocument(record.id, 'findings', Y.encodeStateAsUpdate(doneNow));
      doneNow.destroy();
      expect((await entry(record.id))?.published).toEqual([
        expect.objectContaining({ what: 'Route alerts (as published)', status: 'wont_do', statusReason: 'Replaced' }),
      ]);

      // New keys: the entry checks presented keys against the new facilitator hash only.
      const rotated = { facilitator: 'c'.repeat(64), participant: 'd'.repeat(64) };
      await storage.replaceKeyHashes(record.id, rotated);
      expect((await entry(record.id))?.facilitatorKeyHash).toBe(rotated.facilitator);

      // Other documents do not touch it, and it lasts across a reopen.
      const before = await entry(record.id);
      await storage.storeDocument(record.id, 'board', createBoardUpdate({ title: 'y' }));
      await storage.close();
      storage = await h.reopen();
      expect(await entry(record.id)).toEqual(before);
      expect(await entry(other.id)).toMatchObject({ live: [], published: null });
      await storage.deletePostmortem(record.id);
      expect((await storage.listActionsIndex()).map((e) => e.postmortemId)).toEqual([other.id]);
    });

    it("keeps a report index entry of each published post-mortem's latest version", async () => {
      const record = sampleRecord();
      const draft = sampleRecord();
      await storage.createPostmortem(record, {});
      await storage.createPostmortem(draft, {});
      expect(await storage.listReportIndex()).toEqual([]);
      await storage.saveReport(record.id, sampleReport(record.id, 1));
      const second = sampleReport(record.id, 2, {
        title: 'Checkout outage, revised',
        contributingFactors: {
          findings: [
            { statement: 'Alerts went to an old channel', category: 'Tooling' },
            { statement: 'Nobody knew the runbook', category: '' },
            { statement: 'The dashboard hid errors', category: 'Tooling' },
          ],
          fishbone: { problem: '', categories: [] },
        },
      });
      await storage.saveReport(record.id, second);
      await storage.close();
      storage = await h.reopen();
      expect(await storage.listReportIndex()).toEqual([
        {
          postmortemId: record.id,
          title: 'Checkout outage, revised',
          summary: 'Payments failed.',
          incidentAt: '2026-11-01T14:02:00.000Z',
          publishedAt: second.publishedAt,
          version: 2,
          factorCategories: ['Tooling', '', 'Tooling'],
          // As written: the library shows a snippet of it.
          searchText: expect.stringContaining('Nobody knew the runbook'),
          severity: 'SEV2',
          services: ['checkout-api'],
          teams: ['Payments'],
          impactMinutes: 42,
          responseTimes: { detect: null, mitigate: null, resolve: null },
        },
      ]);
      await storage.deletePostmortem(record.id);
      expect(await storage.listReportIndex()).toEqual([]);
    });

    it("refuses a report version beyond the post-mortem's quota, storing nothing, and counts each post-mortem apart", async () => {
      const record = sampleRecord();
      const other = sampleRecord();
      await storage.createPostmortem(record, {});
      await storage.createPostmortem(other, {});
      const padded = (id: string, version: number) => sampleReport(id, version, { lessonsLearned: 'x'.repeat(3_000) });
      // Room for three versions and a half.
      const limit = Math.floor(3.5 * reportBytes(padded(record.id, 1)));
      await storage.close();
      storage = await h.reopen({ reportBytes: limit });
      for (const version of [1, 2, 3]) await storage.saveReport(record.id, padded(record.id, version));
      const refused = storage.saveReport(record.id, padded(record.id, 4));
      await expect(refused).rejects.toBeInstanceOf(ReportQuotaError);
      await expect(refused).rejects.toMatchObject({ limitBytes: limit });
      expect((await storage.getReport(record.id))?.version).toBe(3);
      expect(await storage.getReport(record.id, 4)).toBeNull();
      expect((await storage.listReportIndex()).map((e) => e.version)).toEqual([3]);
      // Another post-mortem has its own room.
      await storage.saveReport(other.id, padded(other.id, 1));
      expect((await storage.getReport(other.id))?.version).toBe(1);
    });

    it('refuses to store a document for an unknown post-mortem', async () => {
      await expect(storage.storeDocument('zzzzzzzzzzzzzzzz', 'board', new Uint8Array([0, 0]))).rejects.toThrow();
    });
  });
}
