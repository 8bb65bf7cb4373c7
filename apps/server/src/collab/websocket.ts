import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type RawData } from 'ws';

/** The only WebSocket path; every other upgrade request is refused. */
export const COLLAB_PATH = '/collab';

/** Largest WebSocket frame accepted; a whole board fits with a wide margin. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Hocuspocus hooks receive a web-standard Request; only the URL and headers matter to them. */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, { headers });
}

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Routes `/collab` upgrades on the HTTP server into Hocuspocus, with `ws` directly (Hocuspocus 4 takes any
 * WebSocket-like object). Returns a function that closes every open socket, for shutdown.
 */
export function attachCollabSocket(server: Server, hocuspocus: Hocuspocus): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      const connection = hocuspocus.handleConnection(websocket, webRequest(request));
      websocket.on('message', (data) => connection.handleMessage(bytesOf(data)));
      websocket.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      // A protocol error (oversized or malformed frame) closes the socket; `close` above tells Hocuspocus.
      websocket.on('error', () => websocket.terminate());
    });
  });
  return () => {
    for (const websocket of sockets.clients) websocket.close(1001, 'server shutting down');
  };
}
