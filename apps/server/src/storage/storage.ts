import type { NoteContent, ResponseTimes, VotingSettings } from '@debrief/model';
import type { ActionListItem, DocumentKind, Report } from '@debrief/protocol';

/** What the server keeps about a post-mortem besides its Yjs documents. Keys are stored only as hashes. */
export interface PostmortemRecord {
  id: string;
  title: string;
  summary: string;
  incidentAt: string | null;
  createdAt: string;
  keyHashes: { facilitator: string; participant: string };
  /**
   * Owner links, by action id: the hash of the key that lets one action's owner update its follow-up. Absent until a
   * facilitator makes the first one.
   */
  ownerKeyHashes?: Record<string, string>;
}

/**
 * What the server keeps about one anonymous note: its id, the hash of the author's secret, and (until the
 * reveal) its content. Deliberately nothing else: no author, key, connection, address or time.
 */
export interface NoteRecord {
  id: string;
  secretHash: string;
  /** The content while the note is held for the next reveal; null once revealed (it lives in `<id>/notes`). */
  held: NoteContent | null;
  /**
   * Set while the facilitator hides or paraphrases the revealed note: what it said before (the notes document no
   * longer holds it), so it can be shown again. Null, or absent in records written before moderation existed.
   */
  moderation?: NoteModeration | null;
}

/** The facilitator's moderation of one revealed note (see NoteRecord.moderation). */
export interface NoteModeration {
  state: 'hidden' | 'paraphrased';
  /** The author's words before moderation. */
  original: string;
}

/** The documents stored with a new post-mortem, as full Yjs updates. */
export type InitialDocuments = Partial<Record<DocumentKind, Uint8Array>>;

/** One corrective action as the actions index keeps it: what a list shows, except `overdue`, which depends on the day. */
export type IndexedAction = Omit<ActionListItem, 'overdue' | 'published'>;

/**
 * A post-mortem's entry in the actions index: a projection storage rewrites whenever what it is made of changes
 * (the findings document, the latest report, the keys), so answers across post-mortems never decode a document.
 */
export interface ActionsIndexEntry {
  postmortemId: string;
  /** The facilitator key's hash: the keys a request presents are checked against it without loading the record. */
  facilitatorKeyHash: string;
  /** Every action as the findings document held them when it was last stored: for its facilitator only. */
  live: IndexedAction[];
  /** The actions as the latest report words them, with the follow-up status as last stored; null until published. */
  published: IndexedAction[] | null;
}

/** A published post-mortem's entry in the report index: what the library and Learning need of its latest report. */
export interface ReportIndexEntry {
  postmortemId: string;
  title: string;
  summary: string;
  incidentAt: string | null;
  publishedAt: string;
  version: number;
  /** The category of each contributing-factor finding, one per finding ('' when it has none), for counting. */
  factorCategories: string[];
  /** The published words the library searches, lower-cased. */
  searchText: string;
  /** What kind of incident it was (report schema 4; reports published before it have none). */
  severity: string;
  services: string[];
  teams: string[];
  impactMinutes: number;
  /** Minutes to detect, mitigate and resolve, as its report measures them (null: not marked). */
  responseTimes: ResponseTimes;
}

/** What storage itself refuses beyond, per post-mortem. */
export interface StorageLimits {
  /** Bytes (of JSON) of all its published report versions together. */
  reportBytes: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = { reportBytes: 20 * 1024 * 1024 };

/**
 * Everything the server persists. The lowdb adapter is the embedded default; a PostgreSQL adapter implements
 * the same interface, and both must pass `storageContract` in contract.ts.
 */
export interface Storage {
  /** Stores a new post-mortem and its first documents together, so neither exists without the other. */
  createPostmortem(record: PostmortemRecord, documents: InitialDocuments): Promise<void>;
  /** Every post-mortem's record (for cross-post-mortem pages such as Actions), in no particular order. */
  listPostmortems(): Promise<PostmortemRecord[]>;
  /** The record, or null for an unknown id. */
  getPostmortem(id: string): Promise<PostmortemRecord | null>;
  /** Replaces the post-mortem's key hashes (rotation): the old keys stop working with the next request. */
  replaceKeyHashes(id: string, keyHashes: PostmortemRecord['keyHashes']): Promise<void>;
  /** Sets the hash of an action's owner key (the previous key stops working), or removes it with null. */
  setOwnerKeyHash(id: string, actionId: string, hash: string | null): Promise<void>;
  /** A document's stored state as one Yjs update, or null when none was stored. */
  loadDocument(postmortemId: string, kind: DocumentKind): Promise<Uint8Array | null>;
  /** Replaces a document's stored state (for `findings`, with its actions index entry); resolves once it is durable. */
  storeDocument(postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void>;
  /** Stores a new note record; resolves once it is durable. */
  createNote(postmortemId: string, note: NoteRecord): Promise<void>;
  /** A note record, or null. */
  getNote(postmortemId: string, noteId: string): Promise<NoteRecord | null>;
  /** Replaces the content of a held note. */
  updateHeldNote(postmortemId: string, noteId: string, content: NoteContent): Promise<void>;
  /**
   * How many notes count toward the post-mortem's cap (`active`: held and revealed, but not those the facilitator
   * hid), and how many records storage holds (`stored`: hidden ones too).
   */
  countNotes(postmortemId: string): Promise<{ active: number; stored: number }>;
  /** Every held note, in no meaningful order (never submission order). */
  listHeldNotes(postmortemId: string): Promise<NoteRecord[]>;
  /** Deletes a note record and, for a revealed note, stores the notes document without it, atomically. */
  deleteNote(postmortemId: string, noteId: string, notesState: Uint8Array | null): Promise<void>;
  /**
   * Sets (or, with null, clears) the moderation of revealed notes and stores the notes document that shows the
   * result, atomically. Unknown ids are skipped.
   */
  moderateNotes(
    postmortemId: string,
    changes: readonly { noteId: string; moderation: NoteModeration | null }[],
    notesState: Uint8Array,
  ): Promise<void>;
  /** Marks the notes revealed and stores the notes document that now holds them, atomically. */
  releaseHeldNotes(postmortemId: string, noteIds: readonly string[], notesState: Uint8Array): Promise<void>;
  /** Registers a new anonymous ballot by the hash of its token. */
  createBallot(postmortemId: string, ballotHash: string): Promise<void>;
  /** A ballot's votes (targets, repeated for stacked dots), or null for an unknown ballot. */
  getBallot(postmortemId: string, ballotHash: string): Promise<string[] | null>;
  /** Replaces a ballot's votes and stores the notes document with the new tallies, atomically. */
  saveBallot(postmortemId: string, ballotHash: string, votes: readonly string[], notesState: Uint8Array): Promise<void>;
  /** Every ballot's votes (for recounting), in no meaningful order. */
  listBallots(postmortemId: string): Promise<string[][]>;
  /** The facilitator's voting settings (closed, 3 per person by default). */
  getVoting(postmortemId: string): Promise<VotingSettings>;
  /** Replaces the voting settings and stores the notes document that publishes them, atomically. */
  setVoting(postmortemId: string, settings: VotingSettings, notesState: Uint8Array): Promise<void>;
  /**
   * Stores a published report version (its `version` is the next number) and the index entries it changes. The
   * actions index takes the follow-up status from `findings`, the findings document the report was built from
   * (newer than the stored one while it is open), or from the stored one. Refused with ReportQuotaError, storing
   * nothing, when the post-mortem's versions would take more than `StorageLimits.reportBytes` together.
   */
  saveReport(postmortemId: string, report: Report, findings?: Uint8Array): Promise<void>;
  /** A published version, the latest when none is given; null before the first publish or for unknown versions. */
  getReport(postmortemId: string, version?: number): Promise<Report | null>;
  /** Every post-mortem's actions index entry, in no particular order: what the Actions answers read. */
  listActionsIndex(): Promise<ActionsIndexEntry[]>;
  /** The report index entry of every published post-mortem, in no particular order: the library and Learning. */
  listReportIndex(): Promise<ReportIndexEntry[]>;
  /**
   * Removes a post-mortem and every trace of it: record, documents, notes, ballots, reports, index entries. Only its
   * id is kept, as a tombstone, so the browsers that still hold a copy can be told to delete it (see `wasDeleted`).
   */
  deletePostmortem(postmortemId: string): Promise<void>;
  /**
   * Whether a post-mortem with this id was deleted, as opposed to never known here (a mistyped link, or a server
   * started on the wrong database): only a deletion makes browsers delete their copies.
   */
  wasDeleted(postmortemId: string): Promise<boolean>;
  /** Waits for pending writes and releases resources. */
  close(): Promise<void>;
}

/** Thrown when storage is asked about an id that cannot be a post-mortem id. */
export class InvalidIdError extends Error {
  constructor(id: string) {
    super(`not a post-mortem id: ${JSON.stringify(id.slice(0, 40))}`);
    this.name = 'InvalidIdError';
  }
}

/** Thrown when a post-mortem's published versions would exceed `StorageLimits.reportBytes`. */
export class ReportQuotaError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the published versions of this post-mortem would exceed ${limitBytes} bytes`);
    this.name = 'ReportQuotaError';
  }
}
