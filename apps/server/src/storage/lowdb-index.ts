import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPostmortemId } from '@debrief/protocol';
import { KeyedLock } from '../postmortems/keyed-lock.ts';
import type { ActionsIndexEntry, ReportIndexEntry } from './storage.ts';

/** A post-mortem's index entries, as the embedded adapter keeps them. */
export interface IndexFile {
  actions: ActionsIndexEntry;
  report: ReportIndexEntry | null;
}

const ENTRY = '.json';
/** Left beside an entry while the post-mortem's file is being written and the entry may be behind it. */
const STALE = '.stale';

/**
 * The embedded adapter's index: one small file per post-mortem in `<dataDir>/index`, apart from the post-mortem
 * files, so a list across post-mortems reads these and never a post-mortem file with its documents. The two
 * cannot be written atomically together, so each update marks the entry stale first and clears the mark once the
 * entry has caught up: a crash in between leaves the mark, and the entry is rebuilt at the next start.
 */
export class LowdbIndex {
  readonly #dir: string;
  /** Per post-mortem, updates run one at a time: the mark, the write, the entry, in that order. */
  readonly #lock = new KeyedLock();
  /**
   * Every entry, read from disk once and then kept in step with every store and removal (one process owns the data
   * folder), so a list parses nothing. Entries are small beside the documents they are made from.
   */
  #entries: Promise<Map<string, IndexFile>> | undefined;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'index');
  }

  /**
   * Runs `write` (the post-mortem file's write), then stores the entries `build` makes from what was written (none
   * when it answers null). Should anything fail, the mark stays, so the entries are rebuilt at the next start.
   */
  update(id: string, write: () => Promise<void>, build: () => IndexFile | null): Promise<void> {
    return this.#lock.run(id, async () => {
      await mkdir(this.#dir, { recursive: true });
      await writeFile(this.#path(id, STALE), '');
      // Should the write fail, the mark stays too: a needless rebuild at the next start costs little.
      await write();
      const entries = build();
      if (entries) await this.#store(id, entries);
      await rm(this.#path(id, STALE), { force: true });
    });
  }

  /**
   * Stores the entries `build` makes from the post-mortem file as it is now (an entry missing or marked stale), and
   * clears the mark. Built once earlier updates are done, so it never stores anything older than they did.
   */
  rebuild(id: string, build: () => IndexFile | null): Promise<void> {
    return this.#lock.run(id, async () => {
      const entries = build();
      if (entries) {
        await mkdir(this.#dir, { recursive: true });
        await this.#store(id, entries);
      }
      await rm(this.#path(id, STALE), { force: true });
    });
  }

  /** Removes a post-mortem's entries (after any update of them under way). */
  remove(id: string): Promise<void> {
    return this.#lock.run(id, async () => {
      (await this.#loaded()).delete(id);
      await rm(this.#path(id, ENTRY), { force: true });
      await rm(this.#path(id, STALE), { force: true });
    });
  }

  /** Every entry, in no particular order. */
  async list(): Promise<IndexFile[]> {
    return [...(await this.#loaded()).values()];
  }

  #loaded(): Promise<Map<string, IndexFile>> {
    this.#entries ??= this.#readAll().catch((error: unknown) => {
      this.#entries = undefined;
      throw error;
    });
    return this.#entries;
  }

  async #readAll(): Promise<Map<string, IndexFile>> {
    const ids = (await this.#names())
      .filter((name) => name.endsWith(ENTRY))
      .map((name) => name.slice(0, -ENTRY.length))
      .filter(isPostmortemId);
    const files = await Promise.all(ids.map(async (id) => [id, await this.#read(id)] as const));
    return new Map(files.filter((file): file is readonly [string, IndexFile] => file[1] !== null));
  }

  /**
   * Of the post-mortems that exist (`ids`), those whose entries are missing or marked stale. Entries of post-mortems
   * that no longer exist (a delete interrupted by a crash) are removed, once `exists` confirms it after any update
   * under way: one being created meanwhile has its mark before its file.
   */
  async needingRebuild(ids: readonly string[], exists: (id: string) => Promise<boolean>): Promise<string[]> {
    const names = new Set(await this.#names());
    const listed = new Set(ids);
    for (const name of names) {
      const id = name.replace(/\.(json|stale)$/, '');
      if (!isPostmortemId(id) || listed.has(id)) continue;
      await this.#lock.run(id, async () => {
        if (await exists(id)) return;
        (await this.#loaded()).delete(id);
        await rm(this.#path(id, ENTRY), { force: true });
        await rm(this.#path(id, STALE), { force: true });
      });
    }
    return ids.filter((id) => !names.has(`${id}${ENTRY}`) || names.has(`${id}${STALE}`));
  }

  async #store(id: string, entries: IndexFile): Promise<void> {
    const loaded = await this.#loaded();
    // Through a temporary file, so a reader never sees half an entry.
    const temporary = join(this.#dir, `.${id}${ENTRY}.tmp`);
    await writeFile(temporary, JSON.stringify(entries));
    await rename(temporary, this.#path(id, ENTRY));
    loaded.set(id, entries);
  }

  async #read(id: string): Promise<IndexFile | null> {
    try {
      return JSON.parse(await readFile(this.#path(id, ENTRY), 'utf8')) as IndexFile;
    } catch (error) {
      // Removed since the directory was read: the post-mortem was deleted meanwhile.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  #names(): Promise<string[]> {
    return readdir(this.#dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
  }

  #path(id: string, suffix: string): string {
    return join(this.#dir, `${id}${suffix}`);
  }
}
