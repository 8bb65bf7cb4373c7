import type { DocumentKind } from '@debrief/protocol';

/** What the server keeps about a post-mortem besides its Yjs documents. Keys are stored only as hashes. */
export interface PostmortemRecord {
  id: string;
  title: string;
  summary: string;
  incidentAt: string | null;
  createdAt: string;
  keyHashes: { facilitator: string; participant: string };
}

/** The documents stored with a new post-mortem, as full Yjs updates. */
export type InitialDocuments = Partial<Record<DocumentKind, Uint8Array>>;

/**
 * Everything the server persists. The lowdb adapter is the embedded default; a PostgreSQL adapter implements
 * the same interface, and both must pass `storageContract` in contract.ts.
 */
export interface Storage {
  /** Stores a new post-mortem and its first documents together, so neither exists without the other. */
  createPostmortem(record: PostmortemRecord, documents: InitialDocuments): Promise<void>;
  /** The record, or null for an unknown id. */
  getPostmortem(id: string): Promise<PostmortemRecord | null>;
  /** A document's stored state as one Yjs update, or null when none was stored. */
  loadDocument(postmortemId: string, kind: DocumentKind): Promise<Uint8Array | null>;
  /** Replaces a document's stored state; resolves once it is durable. */
  storeDocument(postmortemId: string, kind: DocumentKind, state: Uint8Array): Promise<void>;
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
