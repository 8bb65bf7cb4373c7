import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { isPostmortemId, readReportSnapshot, type DocumentKind, type Report } from '@debrief/protocol';
import { DEFAULT_VOTES_PER_PERSON, readBallot, type NoteContent, type VotingSettings } from '@debrief/model';
import { ByteLru } from './byte-lru.ts';
import { LowdbIndex, type IndexFile } from './lowdb-index.ts';
import { MeasuredJsonFile } from './measured-json-file.ts';
import { actionsIndexEntry, readIndexEntry, reportBytes, reportForIndex, reportIndexEntry } from './projections.ts';
import {
  DEFAULT_STORAGE_LIMITS,
  InvalidIdError,
  ReportQuotaError,
  type ActionsIndexEntry,
  type InitialDocuments,
  type NoteModeration,
  type NoteRecord,
  type PostmortemRecord,
  type ReportIndexEntry,
  type Storage,
  type StorageLimits,
} from './storage.ts';

/** One file per post-mortem: the record, its documents (base64 Yjs updates) and its note records. */
interface PostmortemFile {
  postmortem: PostmortemRecord;
  documents: Partial<Record<DocumentKind, string>>;
  notes?: Record<string, NoteRecord>;
  /** Ballots by the hash of their token: only the targets voted for, never who holds the ballot. */
  ballots?: Record<string, string[]>;
  voting?: VotingSettings;
  /** Published versions, oldest first. */
  /** As each was published; one from an older server is upgraded when read (readReportSnapshot). */
  reports?: Report[];
}

const encode = (state: Uint8Array) => Buffer.from(state).toString('base64');
const decode = (encoded: string) => new Uint8Array(Buffer.from(encoded, 'base64'));

/** The index entries a post-mortem file leads to; `findings` stands in for its stored findings document when given. */
function indexFileOf(data: PostmortemFile, findings?: Uint8Array): IndexFile {
  const latest = reportForIndex(data.reports?.at(-1));
  const stored = data.documents.findings;
  const state = findings ?? (stored === undefined ? null : decode(stored));
  return { actions: actionsIndexEntry(data.postmortem, latest, state), report: latest ? reportIndexEntry(latest) : null };
}

export interface LowdbOptions {
  /** Bytes of post-mortem files kept in memory (DEFAULT_CACHE_BYTES); files in use may exceed it until released. */
  cacheBytes?: number;
  limits?: Partial<StorageLimits>;
}

/** 64 MB: a few dozen typical post-mortems, or a dozen at the document cap. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** Records keyed in key order: keys are random, so the file never shows which came first. */
function sortedById<T>(records: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(records).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The record under an id, never a property every object inherits (an id such as `constructor`). */
function own<T>(records: Record<string, T> | undefined, id: string): T | undefined {
  return records && Object.hasOwn(records, id) ? records[id] : undefined;
}

/**
 * Only the fields a NoteRecord allows, so nothing else a caller's object carries reaches the file; records written
 * before moderation existed lack it, and read as unmoderated.
 */
function noteRecord(note: NoteRecord): NoteRecord {
  return { id: note.id, secretHash: note.secretHash, held: note.held, moderation: moderationOf(note.moderation ?? null) };
}

const moderationOf = (moderation: NoteModeration | null): NoteModeration | null =>
  moderation && { state: moderation.state, original: moderation.original };

/**
 * The embedded default: `<dataDir>/postmortems/<id>.json`, one file each, so a write rewrites one small file
 * and never a file that grows with every post-mortem; the index entries live apart (lowdb-index.ts). Uses Low
 * directly because JSONFilePreset silently keeps everything in memory under NODE_ENV=test.
 *
 * Files read are kept in memory up to `cacheBytes`, least recently used out first: a file is one Low object while
 * in use (two copies of one file would write over each other's changes), so only files nobody is changing are
 * dropped, and the next reader loads a fresh copy.
 */
export class LowdbStorage implements Storage {
  private readonly dir: string;
  /** One empty file per deleted post-mortem, named by its id: the tombstones. */
  private readonly tombstones: string;
  // Plain private members, not #fields: tests wrap storage in a Proxy, which #fields do not pass through.
  private readonly cache: ByteLru<string, Low<PostmortemFile>>;
  /** Reads under way, so concurrent readers of one file share one copy. */
  private readonly loading = new Map<string, Promise<Low<PostmortemFile> | null>>();
  private readonly index: LowdbIndex;
  /** Missing and stale index entries rebuilt, once per process, before the index is first read. */
  private indexReady: Promise<void> | undefined;
  private readonly limits: StorageLimits;
  private readonly pending = new Set<Promise<unknown>>();
  /** Deleted in this process: in-flight work for them must neither read stale data nor write the file back. */
  private readonly deleted = new Set<string>();

  constructor(dataDir: string, options: LowdbOptions = {}) {
    this.dir = join(dataDir, 'postmortems');
    this.tombstones = join(dataDir, 'deleted');
    this.cache = new ByteLru(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.index = new LowdbIndex(dataDir);
    this.limits = { ...DEFAULT_STORAGE_LIMITS, ...options.limits };
  }

  /** Bytes of post-mortem files held in memory now (as JSON). */
  get cachedBytes(): number {
    return this.cache.bytes;
  }

  async createPostmortem(record: PostmortemRecord, documents: InitialDocuments): Promise<void> {
    const path = this.pathFor(record.id);
    await mkdir(this.dir, { recursive: true });
    const encoded: PostmortemFile['documents'] = {};
    for (const [kind, state] of Object.entries(documents) as [DocumentKind, Uint8Array][]) {
      encoded[kind] = encode(state);
    }
    const id = record.id;
    let bytes = 0;
    const adapter = new MeasuredJsonFile<PostmortemFile>(path, (size) => {
      bytes = size;
      this.cache.resize(id, size);
    });
    const db = new Low(adapter, { postmortem: record, documents: encoded, notes: {} });
    this.cache.pin(id);
    try {
      await this.index.update(
        id,
        () => this.save(id, db),
        () => (this.deleted.has(id) ? null : indexFileOf(db.data)),
      );
      if (!this.deleted.has(id)) this.cache.set(id, db, bytes);
    } finally {
      this.cache.unpin(id);
    }
  }

  async listPostmortems(): Promise<PostmortemRecord[]> {
    const records = await Promise.all((await this.postmortemIds()).map((id) => this.getPostmortem(id)));
    return records.filter((record): record is PostmortemRecord => record !== null);
  }

  async getPostmortem(id: string): Promise<PostmortemRecord | null> {
    return (await this.file(id))?.data.postmortem ?? null;
  }

  async replaceKeyHashes(id: string, keyHashes: PostmortemRecord['keyHashes']): Promise<void> {
    await this.update(id, (data) => (data.postmortem = { ...data.postmortem, keyHashes }), { reindex: true });
  }

  async setOwnerKeyHash(id: string, actionId: string, hash: string | null): Promise<void> {
    await this.update(id, (data) => {
      const { [actionId]: _replaced, ...others } = data.postmortem.ownerKeyHashes ?? {};
      data.postmortem = { ...data.postmortem, ownerKeyHashes: hash === null ? others : { ...others, [actionId]: hash } };
    });
  }

  async loadDocument(postmortemId: string, kind: DocumentKind): Promise<Uint8Array | null> {
    const encoded = (await this.file(postmortemId))?.data.documents[kind];
    return encoded === undefined ? null : decode(encoded);
  }

  async storeDocument(postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void> {
    await this.update(postmortemId, (data) => (data.documents[kind] = encode(state)), { reindex: kind === 'findings' });
  }

  async createNote(postmortemId: string, note: NoteRecord): Promise<void> {
    await this.update(postmortemId, (data) => {
      // Refused rather than replacing another author's record.
      if (own(data.notes, note.id)) throw new Error(`note ${note.id} already exists`);
      data.notes = { ...data.notes, [note.id]: noteRecord(note) };
    });
  }

  async getNote(postmortemId: string, noteId: string): Promise<NoteRecord | null> {
    const note = own((await this.file(postmortemId))?.data.notes, noteId);
    return note ? noteRecord(note) : null;
  }

  async updateHeldNote(postmortemId: string, noteId: string, content: NoteContent): Promise<void> {
    await this.update(postmortemId, (data) => {
      const note = own(data.notes, noteId);
      if (!note?.held) throw new Error(`note ${noteId} is not held`);
      note.held = content;
    });
  }

  async countNotes(postmortemId: string): Promise<{ active: number; stored: number }> {
    const notes = Object.values((await this.file(postmortemId))?.data.notes ?? {});
    return { active: notes.filter((note) => note.moderation?.state !== 'hidden').length, stored: notes.length };
  }

  async listHeldNotes(postmortemId: string): Promise<NoteRecord[]> {
    const notes = (await this.file(postmortemId))?.data.notes ?? {};
    return Object.values(notes)
      .filter((note) => note.held !== null)
      .map(noteRecord);
  }

  async deleteNote(postmortemId: string, noteId: string, notesState: Uint8Array | null): Promise<void> {
    await this.update(postmortemId, (data) => {
      const { [noteId]: _removed, ...rest } = data.notes ?? {};
      data.notes = rest;
      if (notesState) data.documents.notes = encode(notesState);
    });
  }

  async releaseHeldNotes(postmortemId: string, noteIds: readonly string[], notesState: Uint8Array): Promise<void> {
    await this.update(postmortemId, (data) => {
      for (const id of noteIds) {
        const note = own(data.notes, id);
        if (note) note.held = null;
      }
      data.documents.notes = encode(notesState);
    });
  }

  async moderateNotes(
    postmortemId: string,
    changes: readonly { noteId: string; moderation: NoteModeration | null }[],
    notesState: Uint8Array,
  ): Promise<void> {
    await this.update(postmortemId, (data) => {
      for (const { noteId, moderation } of changes) {
        const note = own(data.notes, noteId);
        if (note) note.moderation = moderationOf(moderation);
      }
      data.documents.notes = encode(notesState);
    });
  }

  async createBallot(postmortemId: string, ballotHash: string): Promise<void> {
    await this.update(postmortemId, (data) => (data.ballots = { ...data.ballots, [ballotHash]: [] }));
  }

  async getBallot(postmortemId: string, ballotHash: string): Promise<string[] | null> {
    const votes = own((await this.file(postmortemId))?.data.ballots, ballotHash);
    return votes ? readBallot(votes) : null;
  }

  async saveBallot(postmortemId: string, ballotHash: string, votes: readonly string[], notesState: Uint8Array): Promise<void> {
    await this.update(postmortemId, (data) => {
      data.ballots = { ...data.ballots, [ballotHash]: [...votes].sort() };
      data.documents.notes = encode(notesState);
    });
  }

  async listBallots(postmortemId: string): Promise<string[][]> {
    return Object.values((await this.file(postmortemId))?.data.ballots ?? {}).map(readBallot);
  }

  async getVoting(postmortemId: string): Promise<VotingSettings> {
    return (await this.file(postmortemId))?.data.voting ?? { open: false, votesPerPerson: DEFAULT_VOTES_PER_PERSON };
  }

  async setVoting(postmortemId: string, settings: VotingSettings, notesState: Uint8Array): Promise<void> {
    await this.update(postmortemId, (data) => {
      data.voting = settings;
      data.documents.notes = encode(notesState);
    });
  }

  async saveReport(postmortemId: string, report: Report, findings?: Uint8Array): Promise<void> {
    const limit = this.limits.reportBytes;
    const change = (data: PostmortemFile) => {
      const reports = data.reports ?? [];
      const used = reports.reduce((sum, stored) => sum + reportBytes(stored), 0);
      if (used + reportBytes(report) > limit) throw new ReportQuotaError(limit);
      data.reports = [...reports, report];
    };
    await this.update(postmortemId, change, { reindex: true, findings });
  }

  async getReport(postmortemId: string, version?: number): Promise<Report | null> {
    const reports = (await this.file(postmortemId))?.data.reports ?? [];
    const stored = version === undefined ? reports.at(-1) : reports.find((r) => r.version === version);
    return stored ? readReportSnapshot(stored) : null;
  }

  async listActionsIndex(): Promise<ActionsIndexEntry[]> {
    return (await this.indexFiles()).map((file) => file.actions);
  }

  async listReportIndex(): Promise<ReportIndexEntry[]> {
    return (await this.indexFiles()).flatMap((file) => (file.report ? [readIndexEntry(file.report)] : []));
  }

  async deletePostmortem(postmortemId: string): Promise<void> {
    const path = this.pathFor(postmortemId);
    this.deleted.add(postmortemId);
    await Promise.allSettled([...this.pending]);
    this.cache.delete(postmortemId);
    this.loading.delete(postmortemId);
    // The index entries go first: should the process stop halfway, a post-mortem still on disk gets them back at
    // the next start, whereas entries outliving their post-mortem would keep listing it.
    await this.index.remove(postmortemId);
    await rm(path, { force: true });
    // steno writes through a temporary file next to the target; make sure none is left behind.
    await rm(join(this.dir, `.${postmortemId}.json.tmp`), { force: true });
    await mkdir(this.tombstones, { recursive: true });
    await writeFile(join(this.tombstones, postmortemId), '');
  }

  async wasDeleted(postmortemId: string): Promise<boolean> {
    this.pathFor(postmortemId); // refuses an id that is not one
    // Only the tombstone, written once the file is gone, counts: a delete that failed halfway must not tell
    // browsers to delete their copies of a post-mortem that is still on disk.
    return access(join(this.tombstones, postmortemId)).then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    this.cache.clear();
    this.loading.clear();
  }

  /**
   * Changes a post-mortem's file and writes it, the file held in memory meanwhile. With `reindex`, its index
   * entries follow (from `findings` for the findings document, when given).
   */
  private async update(id: string, change: (data: PostmortemFile) => void, reindex?: { reindex: boolean; findings?: Uint8Array }): Promise<void> {
    this.cache.pin(id);
    try {
      const db = await this.existing(id);
      const write = async () => {
        change(db.data);
        await this.save(id, db);
      };
      if (!reindex?.reindex) return await write();
      const build = () => (this.deleted.has(id) ? null : indexFileOf(db.data, reindex.findings));
      await this.track(this.index.update(id, write, build));
    } finally {
      this.cache.unpin(id);
    }
  }

  /** Writes a post-mortem's file, unless it was deleted meanwhile. */
  private async save(id: string, db: Low<PostmortemFile>): Promise<void> {
    if (this.deleted.has(id)) throw new Error(`post-mortem ${id} was deleted`);
    // Sorted here, where every write passes, so no write path (nor a file from an older version) can leave
    // notes or ballots in the order they came.
    db.data.notes = sortedById(db.data.notes ?? {});
    if (db.data.ballots) db.data.ballots = sortedById(db.data.ballots);
    await this.track(db.write());
  }

  private async existing(id: string): Promise<Low<PostmortemFile>> {
    const db = await this.file(id);
    if (!db) throw new Error(`unknown post-mortem ${id}`);
    return db;
  }

  private pathFor(id: string): string {
    if (!isPostmortemId(id)) throw new InvalidIdError(id);
    return join(this.dir, `${id}.json`);
  }

  private file(id: string): Promise<Low<PostmortemFile> | null> {
    const path = this.pathFor(id);
    if (this.deleted.has(id)) return Promise.resolve(null);
    const held = this.cache.get(id);
    if (held) return Promise.resolve(held);
    let loading = this.loading.get(id);
    if (!loading) {
      const started = this.read(id, path).then((found) => {
        if (this.loading.get(id) === started) this.loading.delete(id);
        if (!found || this.deleted.has(id)) return null;
        // Created meanwhile (ids are random, so hardly ever): the copy already held is the one in use.
        const current = this.cache.get(id);
        if (current) return current;
        this.cache.set(id, found.db, found.bytes);
        return found.db;
      });
      // A failed read is not kept either: the next caller tries again.
      started.catch(() => {
        if (this.loading.get(id) === started) this.loading.delete(id);
      });
      loading = started;
      this.loading.set(id, started);
    }
    return loading;
  }

  private async read(id: string, path: string): Promise<{ db: Low<PostmortemFile>; bytes: number } | null> {
    let bytes = 0;
    const adapter = new MeasuredJsonFile<PostmortemFile>(path, (size) => {
      bytes = size;
      this.cache.resize(id, size);
    });
    const data = await adapter.read();
    // An unknown id is not kept: it may be created later by another call.
    return data?.postmortem ? { db: new Low(adapter, data), bytes } : null;
  }

  /** The ids of the post-mortem files on disk. */
  private async postmortemIds(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -5))
      .filter(isPostmortemId);
  }

  private async indexFiles(): Promise<IndexFile[]> {
    this.indexReady ??= this.rebuildIndex().catch((error: unknown) => {
      this.indexReady = undefined;
      throw error;
    });
    await this.indexReady;
    return (await this.index.list()).filter((file) => !this.deleted.has(file.actions.postmortemId));
  }

  /**
   * Builds the entries a post-mortem file lacks (written before the index existed, or marked stale by a crash),
   * one file at a time through the cache, so upgrading loses nothing and memory stays bounded.
   */
  private async rebuildIndex(): Promise<void> {
    const exists = (id: string) =>
      access(this.pathFor(id)).then(
        () => !this.deleted.has(id),
        () => false,
      );
    for (const id of await this.index.needingRebuild(await this.postmortemIds(), exists)) {
      this.cache.pin(id);
      try {
        const db = await this.file(id);
        if (db) await this.index.rebuild(id, () => (this.deleted.has(id) ? null : indexFileOf(db.data)));
      } finally {
        this.cache.unpin(id);
      }
    }
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    try {
      return await work;
    } finally {
      this.pending.delete(work);
    }
  }
}
