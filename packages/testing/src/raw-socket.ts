import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import type * as Y from 'yjs';

/** Frames a hand-driven client sends, as Hocuspocus's provider encodes them. */
export const frames = {
  auth: (address: string, token: string) =>
    frame(address, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, token);
    }),
  syncStep1: (address: string, doc: Y.Doc) =>
    frame(address, (e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    }),
  update: (address: string, update: Uint8Array) =>
    frame(address, (e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
    }),
  close: (address: string) => frame(address, (e) => encoding.writeVarUint(e, 7)),
  awareness: (address: string, entries: { clientId: number; clock: number; state: unknown }[]) =>
    frame(address, (e) => {
      encoding.writeVarUint(e, 1);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, entries.length);
      for (const entry of entries) {
        encoding.writeVarUint(inner, entry.clientId);
        encoding.writeVarUint(inner, entry.clock);
        encoding.writeVarString(inner, JSON.stringify(entry.state));
      }
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    }),
};

function frame(address: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** One received frame: its address, its type, and its size. */
export interface ReceivedFrame {
  address: string;
  type: number;
  bytes: number;
}

/** A raw WebSocket to `/collab` that records what it receives and how it was closed. */
export interface RawSocket {
  socket: WebSocket;
  received: ReceivedFrame[];
  /** Resolves with the close code (and reason) once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
  /** Waits for a frame matching `match`; rejects after `ms`. */
  next(match: (frame: ReceivedFrame) => boolean, ms?: number): Promise<ReceivedFrame>;
  destroy(): void;
}

/** Opens a raw socket; `headers` are sent with the upgrade request (e.g. X-Forwarded-For). */
export async function openRawSocket(wsUrl: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const socket = new WebSocket(wsUrl, { headers });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('error', reject);
  });
  const received: ReceivedFrame[] = [];
  const waiters = new Set<{ match: (frame: ReceivedFrame) => boolean; resolve: (frame: ReceivedFrame) => void }>();
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const received1 = { address: decoding.readVarString(decoder), type: decoding.readVarUint(decoder), bytes: data.length };
    received.push(received1);
    for (const waiter of waiters) if (waiter.match(received1)) waiter.resolve(received1);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    socket,
    received,
    closed,
    send: (frame) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    },
    next(match, ms = 5_000) {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (frame: ReceivedFrame) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(frame);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('no such frame in time'));
        }, ms);
        waiters.add(waiter);
      });
    },
    destroy: () => socket.terminate(),
  };
}

/** The message type of Hocuspocus's answer to a key (authenticated or refused). */
const AUTH_MESSAGE = 2;

/** A raw socket that has sent `key` for the document at `address` and had its answer. */
export async function openAuthenticatedSocket(wsUrl: string, address: string, key: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const socket = await openRawSocket(wsUrl, headers);
  socket.send(frames.auth(address, key));
  await socket.next((frame) => frame.address === address && frame.type === AUTH_MESSAGE);
  return socket;
}
