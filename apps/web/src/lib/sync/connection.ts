import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { documentName, type DocumentKind } from '@debrief/protocol';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionEvents {
  onStatus(status: ConnectionStatus): void;
  /** Fires once every document has completed its first sync. */
  onSynced(): void;
  onAuthenticationFailed(reason: string): void;
  onUnsyncedChanges(count: number): void;
}

/** The live documents of one post-mortem over one WebSocket, and the board's awareness. */
export interface PostmortemConnection {
  board: Y.Doc;
  notes: Y.Doc;
  findings: Y.Doc;
  awareness: Awareness;
  destroy(): void;
}

/** The collaboration endpoint on the server that served this page (never a hard-coded host). */
export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * Opens `<id>/board` (with presence), `<id>/notes` (read-only) and `<id>/findings` (writable by the
 * facilitator only) on one socket, with the link's key as token. The only place that creates providers.
 */
export function connectPostmortem(postmortemId: string, key: string, events: ConnectionEvents): PostmortemConnection {
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
  const pending = new Set<DocumentKind>(['board', 'notes', 'findings']);
  const unsynced = new Map<DocumentKind, number>();

  const open = (kind: DocumentKind, withPresence: boolean) => {
    const doc = new Y.Doc();
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
  const awareness = board.provider.awareness;
  if (!awareness) throw new Error('board provider has no awareness');

  return {
    board: board.doc,
    notes: notes.doc,
    findings: findings.doc,
    awareness,
    destroy() {
      socket.off('status', status);
      for (const { provider, doc } of [board, notes, findings]) {
        provider.destroy();
        doc.destroy();
      }
      socket.destroy();
    },
  };
}
