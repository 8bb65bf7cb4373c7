import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Where one session's clients connect. */
export interface SessionTarget {
  index: number;
  /** Base WebSocket URL: Debrief's `/collab` endpoint, or the reference server's root. */
  wsUrl: string;
  documentName: string;
  /** Debrief's participant key; the reference server has no auth. */
  token?: string;
}

export interface Closeable {
  close(): void;
}

/** A light receiver: it can also send raw frames (its pointer, as awareness). */
export interface Receiver extends Closeable {
  send(frame: Uint8Array): void;
}

/** A pointer on the canvas as a browser announces it: one awareness entry with the presence state Debrief checks. */
export function pointerState(client: number, x: number, y: number) {
  return { user: { name: `Person ${client}`, color: '#2f6fb4', role: 'participant' }, editing: null, cursor: { surface: 'canvas', x, y } };
}

/** y-protocols' awareness update for one client. */
function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  return encoding.toUint8Array(update);
}

/** How a full Yjs client and a light receiver talk to one kind of server; everything else is shared. */
export interface Protocol {
  readonly name: 'debrief' | 'reference';
  /** A full client (provider + Y.Doc), resolved once its first sync is done. */
  connectWriter(target: SessionTarget, doc: Y.Doc): Promise<Closeable>;
  /** A raw socket that completes the handshake, then hands every incoming frame to `onFrame`. */
  connectReceiver(target: SessionTarget, onFrame: (frame: Uint8Array) => void, onClose: () => void): Promise<Receiver>;
  /** The frame that announces a client's awareness state, as this server's clients send it. */
  awarenessFrame(target: SessionTarget, clientId: number, clock: number, state: unknown): Uint8Array;
}

const CONNECT_TIMEOUT_MS = 20_000;
/**
 * Real clients renew their awareness state every 15 s (y-protocols), which also tells the server they are alive
 * (Hocuspocus drops a connection silent for 60 s). Light receivers send the same: an awareness update with no
 * states in it.
 */
const KEEPALIVE_MS = 15_000;
const EMPTY_AWARENESS = new Uint8Array([0]);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), CONNECT_TIMEOUT_MS))]);
}

/** Hocuspocus: document name before every message; auth first (token + provider version), then sync step 1. */
export const debriefProtocol: Protocol = {
  name: 'debrief',
  connectWriter(target, doc) {
    return withTimeout(
      new Promise((resolve, reject) => {
        const socket = new HocuspocusProviderWebsocket({ url: target.wsUrl, WebSocketPolyfill: WebSocket as never });
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: target.documentName,
          token: target.token ?? '',
          document: doc,
          onSynced: () =>
            resolve({
              close: () => {
                provider.destroy();
                socket.destroy();
              },
            }),
          onAuthenticationFailed: ({ reason }) => reject(new Error(`authentication failed: ${reason}`)),
        });
        provider.attach();
      }),
      'writer connect',
    );
  },
  connectReceiver(target, onFrame, onClose) {
    return withTimeout(
      new Promise((resolve, reject) => {
        const socket = new WebSocket(target.wsUrl);
        socket.binaryType = 'arraybuffer';
        let ready = false;
        socket.on('open', () => {
          const auth = encoding.createEncoder();
          encoding.writeVarString(auth, target.documentName);
          encoding.writeVarUint(auth, 2); // Auth
          encoding.writeVarUint(auth, 0); // Token
          encoding.writeVarString(auth, target.token ?? '');
          encoding.writeVarString(auth, '4.8.0'); // the provider version Hocuspocus expects
          socket.send(encoding.toUint8Array(auth));
        });
        socket.on('message', (data: ArrayBuffer) => {
          const frame = new Uint8Array(data);
          if (!ready) {
            const decoder = decoding.createDecoder(frame);
            decoding.readVarString(decoder);
            if (decoding.readVarUint(decoder) === 2) {
              const kind = decoding.readVarUint(decoder);
              if (kind === 1) return reject(new Error('permission denied'));
              if (kind === 2) {
                ready = true;
                const step1 = encoding.createEncoder();
                encoding.writeVarString(step1, target.documentName);
                encoding.writeVarUint(step1, 0); // Sync
                syncProtocol.writeSyncStep1(step1, new Y.Doc());
                socket.send(encoding.toUint8Array(step1));
                const keepalive = encoding.createEncoder();
                encoding.writeVarString(keepalive, target.documentName);
                encoding.writeVarUint(keepalive, 1); // Awareness
                encoding.writeVarUint8Array(keepalive, EMPTY_AWARENESS);
                const timer = setInterval(() => socket.send(encoding.toUint8Array(keepalive)), KEEPALIVE_MS);
                socket.on('close', () => clearInterval(timer));
                resolve({ close: () => socket.close(), send: (frame) => socket.readyState === WebSocket.OPEN && socket.send(frame) });
              }
            }
            return;
          }
          onFrame(frame);
        });
        socket.on('error', reject);
        socket.on('close', onClose);
      }),
      'receiver connect',
    );
  },
  awarenessFrame(target, clientId, clock, state) {
    const frame = encoding.createEncoder();
    encoding.writeVarString(frame, target.documentName);
    encoding.writeVarUint(frame, 1); // Awareness
    encoding.writeVarUint8Array(frame, awarenessUpdate(clientId, clock, state));
    return encoding.toUint8Array(frame);
  },
};

/** y-websocket: the room is the URL path; frames are bare y-protocols messages. */
export const referenceProtocol: Protocol = {
  name: 'reference',
  connectWriter(target, doc) {
    return withTimeout(
      new Promise((resolve) => {
        // disableBc: in one process, clients would otherwise sync through BroadcastChannel and skip the server.
        const provider = new WebsocketProvider(target.wsUrl, target.documentName, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
        provider.once('sync', () => resolve({ close: () => provider.destroy() }));
      }),
      'writer connect',
    );
  },
  connectReceiver(target, onFrame, onClose) {
    return withTimeout(
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`${target.wsUrl}/${target.documentName}`);
        socket.binaryType = 'arraybuffer';
        socket.on('open', () => {
          const step1 = encoding.createEncoder();
          encoding.writeVarUint(step1, 0); // messageSync
          syncProtocol.writeSyncStep1(step1, new Y.Doc());
          socket.send(encoding.toUint8Array(step1));
          const keepalive = encoding.createEncoder();
          encoding.writeVarUint(keepalive, 1); // messageAwareness
          encoding.writeVarUint8Array(keepalive, EMPTY_AWARENESS);
          const timer = setInterval(() => socket.send(encoding.toUint8Array(keepalive)), KEEPALIVE_MS);
          socket.on('close', () => clearInterval(timer));
          resolve({ close: () => socket.close(), send: (frame) => socket.readyState === WebSocket.OPEN && socket.send(frame) });
        });
        socket.on('message', (data: ArrayBuffer) => onFrame(new Uint8Array(data)));
        socket.on('error', reject);
        socket.on('close', onClose);
      }),
      'receiver connect',
    );
  },
  awarenessFrame(_target, clientId, clock, state) {
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 1); // messageAwareness
    encoding.writeVarUint8Array(frame, awarenessUpdate(clientId, clock, state));
    return encoding.toUint8Array(frame);
  },
};

export const PROTOCOLS = { debrief: debriefProtocol, reference: referenceProtocol };
