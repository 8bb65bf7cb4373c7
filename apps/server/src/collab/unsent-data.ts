import type { WebSocket } from 'ws';
import type { SocketLimits } from './socket-limits.ts';

/**
 * Bounds what the server queues for sockets that do not read. `ws` keeps every message a slow or stalled reader has
 * not taken in memory (`bufferedAmount`), so one socket that stops reading while a document changes could hold
 * any amount. Each send checks its own socket; a sweep checks the total across sockets and closes the sockets
 * holding the most until it is back under its cap. A closed reader reconnects and syncs what it missed.
 */
export class UnsentData {
  readonly #sockets = new Set<WebSocket>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly limits: SocketLimits,
    sweepEveryMs = 1_000,
  ) {
    this.#timer = setInterval(() => this.sweep(), sweepEveryMs);
    this.#timer.unref();
  }

  /** The socket as Hocuspocus should see it: its sends check what it has left unread. */
  watch(websocket: WebSocket): WebSocket {
    this.#sockets.add(websocket);
    websocket.once('close', () => this.#sockets.delete(websocket));
    const send = websocket.send.bind(websocket) as (data: Uint8Array) => void;
    // Hocuspocus calls `send(data)` only; an own property shadows the prototype's method for this socket alone.
    Object.defineProperty(websocket, 'send', {
      value: (data: Uint8Array) => {
        if (websocket.bufferedAmount > this.limits.unsentBytesPerSocket) {
          this.#close(websocket);
          return;
        }
        send(data);
      },
    });
    return websocket;
  }

  /** Closes the sockets holding the most unread data while all of them together hold more than the total cap. */
  sweep(): void {
    let total = 0;
    const holding: [WebSocket, number][] = [];
    for (const websocket of this.#sockets) {
      const unsent = websocket.bufferedAmount;
      if (unsent > this.limits.unsentBytesPerSocket) this.#close(websocket);
      else if (unsent > 0) {
        total += unsent;
        holding.push([websocket, unsent]);
      }
    }
    if (total <= this.limits.unsentBytesTotal) return;
    holding.sort((a, b) => b[1] - a[1]);
    for (const [websocket, unsent] of holding) {
      if (total <= this.limits.unsentBytesTotal) break;
      this.#close(websocket);
      total -= unsent;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #close(websocket: WebSocket): void {
    this.#sockets.delete(websocket);
    // A close frame would wait behind everything unread: the socket is cut at once.
    websocket.terminate();
  }
}
