import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/**
 * Frames sent to one socket in one turn of the event loop leave in one write. `ws` writes each frame at once, one
 * system call per frame, and those calls were a third of the server's busy time under 5,000 connections: an edit
 * sends its update to the sender and the sync-status acknowledgement right after it, and under load the updates of
 * several sessions' typists reach a watcher in the same turn. The socket is corked at its first frame of the turn
 * and uncorked once the turn's I/O callbacks have run (`setImmediate`), so the frames wait no longer than that turn.
 */
export class SendBatching {
  readonly #corked = new Set<Duplex>();
  #scheduled = false;

  /** The socket with its sends batched (an own `send` that later wrappers, e.g. `UnsentData`, may wrap again). */
  watch(websocket: WebSocket): WebSocket {
    const send = websocket.send.bind(websocket) as (data: Uint8Array) => void;
    Object.defineProperty(websocket, 'send', {
      configurable: true,
      value: (data: Uint8Array) => {
        this.hold(websocket);
        send(data);
      },
    });
    return websocket;
  }

  /** Holds the socket's writes until the end of this turn. */
  hold(websocket: WebSocket): void {
    // `ws` keeps the TCP socket as `_socket`; it is there from the open to the close.
    const socket = (websocket as unknown as { _socket?: Duplex })._socket;
    if (!socket || socket.destroyed || this.#corked.has(socket)) return;
    socket.cork();
    this.#corked.add(socket);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#release);
    }
  }

  readonly #release = (): void => {
    this.#scheduled = false;
    // `ws` corks around a frame's header and payload too: the counts nest, so this uncork is the one that writes.
    for (const socket of this.#corked) socket.uncork();
    this.#corked.clear();
  };
}
