import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { documentName } from '@debrief/protocol';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionEvents {
  onStatus(status: ConnectionStatus): void;
  onSynced(): void;
  onAuthenticationFailed(reason: string): void;
  onUnsyncedChanges(count: number): void;
}

/** A live board document and its awareness, over one WebSocket that later documents will share. */
export interface BoardConnection {
  doc: Y.Doc;
  awareness: Awareness;
  destroy(): void;
}

/** The collaboration endpoint on the server that served this page (never a hard-coded host). */
export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** Opens `<id>/board` with the link's key as token. The only place that creates providers. */
export function connectBoard(postmortemId: string, key: string, events: ConnectionEvents): BoardConnection {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName(postmortemId, 'board'),
    document: doc,
    token: key,
    onStatus: ({ status }) => events.onStatus(status as ConnectionStatus),
    onSynced: () => events.onSynced(),
    onAuthenticationFailed: ({ reason }) => events.onAuthenticationFailed(reason),
    onUnsyncedChanges: ({ number }) => events.onUnsyncedChanges(number),
  });
  // A provider given a shared socket does not attach itself.
  provider.attach();
  const awareness = provider.awareness;
  if (!awareness) throw new Error('board provider has no awareness');
  return {
    doc,
    awareness,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
