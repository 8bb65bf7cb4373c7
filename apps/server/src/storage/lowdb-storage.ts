import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { isPostmortemId, type DocumentKind } from '@debrief/protocol';
import { InvalidIdError, type InitialDocuments, type PostmortemRecord, type Storage } from './storage.ts';

/** One file per post-mortem: the record and its documents (base64 Yjs updates). */
interface PostmortemFile {
  postmortem: PostmortemRecord;
  documents: Partial<Record<DocumentKind, string>>;
}

/**
 * The embedded default: `<dataDir>/postmortems/<id>.json`, one file each, so a write rewrites one small file
 * and never a file that grows with every post-mortem. Uses Low + JSONFile directly because JSONFilePreset
 * silently keeps everything in memory under NODE_ENV=test.
 */
export class LowdbStorage implements Storage {
  private readonly dir: string;
  private readonly open = new Map<string, Promise<Low<PostmortemFile> | null>>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'postmortems');
  }

  async createPostmortem(record: PostmortemRecord, documents: InitialDocuments): Promise<void> {
    const path = this.pathFor(record.id);
    await mkdir(this.dir, { recursive: true });
    const encoded: PostmortemFile['documents'] = {};
    for (const [kind, state] of Object.entries(documents) as [DocumentKind, Uint8Array][]) {
      encoded[kind] = Buffer.from(state).toString('base64');
    }
    const db = new Low<PostmortemFile>(new JSONFile(path), { postmortem: record, documents: encoded });
    await this.track(db.write());
    this.open.set(record.id, Promise.resolve(db));
  }

  async getPostmortem(id: string): Promise<PostmortemRecord | null> {
    return (await this.file(id))?.data.postmortem ?? null;
  }

  async loadDocument(postmortemId: string, kind: DocumentKind): Promise<Uint8Array | null> {
    const encoded = (await this.file(postmortemId))?.data.documents[kind];
    return encoded === undefined ? null : new Uint8Array(Buffer.from(encoded, 'base64'));
  }

  async storeDocument(postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void> {
    const db = await this.file(postmortemId);
    if (!db) throw new Error(`cannot store ${kind} of unknown post-mortem ${postmortemId}`);
    db.data.documents[kind] = Buffer.from(state).toString('base64');
    await this.track(db.write());
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    this.open.clear();
  }

  private pathFor(id: string): string {
    if (!isPostmortemId(id)) throw new InvalidIdError(id);
    return join(this.dir, `${id}.json`);
  }

  private file(id: string): Promise<Low<PostmortemFile> | null> {
    const path = this.pathFor(id);
    let db = this.open.get(id);
    if (!db) {
      db = this.read(path);
      this.open.set(id, db);
      // An unknown id must not stay cached: it may be created later by another call.
      void db.then((found) => found ?? this.open.delete(id));
    }
    return db;
  }

  private async read(path: string): Promise<Low<PostmortemFile> | null> {
    const adapter = new JSONFile<PostmortemFile>(path);
    const data = await adapter.read();
    return data?.postmortem ? new Low(adapter, data) : null;
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
