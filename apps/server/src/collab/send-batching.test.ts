import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SendBatching } from './send-batching.ts';

let server: WebSocketServer | null = null;

afterEach(() => {
  for (const client of server?.clients ?? []) client.terminate();
  server?.close();
  server = null;
});

/** A real server-side socket with its sends batched, the client that reads it, and a count of the socket's writes. */
async function connectedPair() {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server!.once('listening', resolve));
  const accepted = new Promise<WebSocket>((resolve) => server!.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data) => received.push(String(data)));
  await new Promise((resolve) => client.once('open', resolve));
  const socket = new SendBatching().watch(await accepted);
  // Every system call a net.Socket makes goes through `_write` (one chunk) or `_writev` (several).
  const raw = (socket as unknown as { _socket: Duplex & { _writev: (...args: unknown[]) => void } })._socket;
  const writes: number[] = [];
  const writev = raw._writev.bind(raw);
  raw._writev = (chunks, callback) => {
    writes.push((chunks as unknown[]).length);
    writev(chunks, callback);
  };
  const write = raw._write.bind(raw);
  raw._write = (chunk, encoding, callback) => {
    writes.push(1);
    write(chunk, encoding, callback);
  };
  const arrived = (count: number) => expect.poll(() => received.length).toBe(count);
  return { socket, client, received, writes, arrived };
}

it('sends the frames of one turn to a socket in one write, in order', async () => {
  const { socket, received, writes, arrived } = await connectedPair();
  socket.send(new TextEncoder().encode('update'));
  socket.send(new TextEncoder().encode('sync status'));
  socket.send(new TextEncoder().encode('awareness'));
  expect(writes).toEqual([]);
  await arrived(3);
  expect(received).toEqual(['update', 'sync status', 'awareness']);
  // One system call with each frame's header and payload (unbatched: three, of two chunks each).
  expect(writes).toEqual([6]);
});

it('lets a frame of a later turn go at the end of that turn', async () => {
  const { socket, received, writes, arrived } = await connectedPair();
  socket.send(new TextEncoder().encode('first'));
  await arrived(1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  socket.send(new TextEncoder().encode('second'));
  await arrived(2);
  expect(received).toEqual(['first', 'second']);
  expect(writes).toEqual([2, 2]);
});

it('sends a close after the frames queued before it', async () => {
  const { socket, client, received } = await connectedPair();
  const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
  socket.send(new TextEncoder().encode('last words'));
  socket.close(1013, 'server busy');
  expect(await closed).toBe(1013);
  expect(received).toEqual(['last words']);
});
