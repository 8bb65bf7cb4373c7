import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import crossws from 'crossws/adapters/node';
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';

type ClientConnection = ReturnType<Hocuspocus['handleConnection']>;

/** The only WebSocket path; every other upgrade request is refused. */
export const COLLAB_PATH = '/collab';

/** Largest WebSocket frame accepted; a whole board fits with a wide margin. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Routes `/collab` upgrades on the HTTP server into Hocuspocus through crossws. */
/** Returns a function that closes every open socket, for shutdown. */
export function attachCollabSocket(server: Server, hocuspocus: Hocuspocus): () => void {
  const connections = new WeakMap<object, ClientConnection>();
  const ws = crossws({
    serverOptions: { maxPayload: MAX_PAYLOAD_BYTES },
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        connections.set(peer, connection);
      },
      message(peer, message) {
        connections.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        connections.get(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        connections.delete(peer);
      },
    },
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(request, socket, head).catch(() => socket.destroy());
  });
  return () => ws.closeAll(1001, 'server shutting down');
}
