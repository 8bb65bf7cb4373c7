import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import {
  documentName,
  parseLimitNotice,
  parseRefusedNotice,
  SERVER_BUSY_CLOSE,
  type DocumentKind,
  type LimitNotice,
  type RefusedNotice,
} from '@debrief/protocol';
import { KEPT_KINDS, offlineCopyName } from './offline-copy.ts';
import { SaveWatcher, type SaveState } from './save-status.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionEvents {
  onStatus(status: ConnectionStatus): void;
  /** Fires once every document has completed its first sync. */
  onSynced(): void;
  onAuthenticationFailed(reason: string): void;
  onUnsyncedChanges(count: number): void;
  /** Fires once what this device kept of the editable documents (IndexedDB) is loaded. */
  onLocalLoaded(): void;
  onSaveState(state: SaveState): void;
  /** The server refused or undid something because a cap was reached. */
  onLimitNotice(notice: LimitNotice): void;
  /** The server refused or changed back part of this browser's own edit (it broke the documents' schema). */
  onRefusedNotice(notice: RefusedNotice): void;
  /** The socket closed; `busy` when the server turned it away at capacity (it is retried all the same). */
  onClosed(busy: boolean): void;
}

/** The live documents of one post-mortem over one WebSocket, and the board's awareness. */
export interface PostmortemConnection {
  board: Y.Doc;
  notes: Y.Doc;
  findings: Y.Doc;
  awareness: Awareness;
  /** Stops keeping the documents in IndexedDB (the copy stays until deleted; see offline-copy.ts). */
  closeOfflineCopy(): Promise<void>;
  destroy(): void;
}

/** The collaboration endpoint on the server that served this page (never a hard-coded host). */
export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * Opens `<id>/board` (with presence), `<id>/notes` (read-only) and `<id>/findings` (writable by the
 * facilitator only) on one socket, with the link's key as token. The only place that creates providers.
 * The documents one can edit are also kept in IndexedDB, so edits made offline survive a reload and merge later.
 */
export function connectPostmortem(postmortemId: string, key: string, events: ConnectionEvents): PostmortemConnection {
  // Reconnect attempts back off to at most 10 s. The browser's own network events are believed at once: a socket
  // can look open for a long time after the network went, and nobody should wait for backoff once it is back.
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(), maxDelay: 10_000 });
  const reconnect = () => void socket.connect();
  const dropped = () => socket.disconnect();
  window.addEventListener('online', reconnect);
  window.addEventListener('offline', dropped);
  const pending = new Set<DocumentKind>(['board', 'notes', 'findings']);
  const unsynced = new Map<DocumentKind, number>();
  const docs = { board: new Y.Doc(), notes: new Y.Doc(), findings: new Y.Doc() };
  const saves = new SaveWatcher([docs.board, docs.findings], (state) => events.onSaveState(state));
  const kept = KEPT_KINDS.map((kind) => new IndexeddbPersistence(offlineCopyName(postmortemId, kind), docs[kind]));
  void Promise.all(kept.map((store) => store.whenSynced)).then(
    () => events.onLocalLoaded(),
    () => undefined,
  );

  const open = (kind: DocumentKind, withPresence: boolean) => {
    const doc = docs[kind];
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName(postmortemId, kind),
      document: doc,
      token: key,
      // Presence lives on the board only; the notes document never learns who is looking.
      ...(withPresence ? {} : { awareness: null }),
      onSynced: () => {
        pending.delete(kind);
        if (pending.size === 0) events.onSynced();
      },
      onAuthenticationFailed: ({ reason }) => events.onAuthenticationFailed(reason),
      onStateless: ({ payload }) => {
        saves.receive(doc, payload);
        const notice = parseLimitNotice(payload);
        if (notice) events.onLimitNotice(notice);
        const refused = parseRefusedNotice(payload);
        if (refused) events.onRefusedNotice(refused);
      },
      onUnsyncedChanges: ({ number }) => {
        unsynced.set(kind, number);
        events.onUnsyncedChanges([...unsynced.values()].reduce((a, b) => a + b, 0));
      },
    });
    // A provider given a shared socket does not attach itself.
    provider.attach();
    return { doc, provider };
  };

  const board = open('board', true);
  const notes = open('notes', false);
  const findings = open('findings', false);
  const status = ({ status }: { status: string }) => events.onStatus(status as ConnectionStatus);
  socket.on('status', status);
  const closed = ({ event }: { event?: { code?: number } }) => events.onClosed(event?.code === SERVER_BUSY_CLOSE.code);
  socket.on('close', closed);
  const awareness = board.provider.awareness;
  if (!awareness) throw new Error('board provider has no awareness');

  return {
    board: board.doc,
    notes: notes.doc,
    findings: findings.doc,
    awareness,
    async closeOfflineCopy() {
      // A store that never opened (IndexedDB disabled or full) has nothing to close.
      await Promise.allSettled(kept.map((store) => store.destroy()));
    },
    destroy() {
      socket.off('status', status);
      socket.off('close', closed);
      window.removeEventListener('online', reconnect);
      window.removeEventListener('offline', dropped);
      saves.destroy();
      for (const store of kept) void store.destroy();
      for (const { provider, doc } of [board, notes, findings]) {
        provider.destroy();
        doc.destroy();
      }
      socket.destroy();
    },
  };
}
