import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { SOCKET_LIMITS } from './socket-limits.ts';
import { UnsentData } from './unsent-data.ts';

/** Just what UnsentData uses of a socket: its unread bytes, send, terminate, and its close event. */
class FakeSocket extends EventEmitter {
  bufferedAmount = 0;
  sent = 0;
  terminated = false;
  send(data: Uint8Array) {
    this.sent += data.length;
    this.bufferedAmount += data.length;
  }
  terminate() {
    this.terminated = true;
    this.emit('close');
  }
}

const limits = { ...SOCKET_LIMITS, unsentBytesPerSocket: 1_000, unsentBytesTotal: 2_500 };

it('cuts a socket whose unread data passed its limit, before queueing more for it', () => {
  const unsent = new UnsentData(limits, 60_000);
  const fake = new FakeSocket();
  const socket = unsent.watch(fake as unknown as WebSocket);
  socket.send(new Uint8Array(900));
  socket.send(new Uint8Array(900));
  expect(fake.terminated).toBe(false);
  socket.send(new Uint8Array(900));
  expect([fake.terminated, fake.sent]).toEqual([true, 1_800]);
  unsent.stop();
});

it('keeps all sockets together under the total, cutting those holding the most first', () => {
  const unsent = new UnsentData(limits, 60_000);
  const fakes = [900, 950, 100, 800].map((amount) => {
    const fake = new FakeSocket();
    unsent.watch(fake as unknown as WebSocket);
    fake.bufferedAmount = amount;
    return fake;
  });
  unsent.sweep();
  expect(fakes.map((fake) => fake.terminated)).toEqual([false, true, false, false]);
  unsent.stop();
});
