import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type RawData } from 'ws';
import { refusedUpgrade, type AllowedHosts } from '../http/allowed-hosts.ts';
import { clientAddress, type TrustProxy } from '../limits/client-address.ts';
import type { RateLimiter } from '../limits/rate-limits.ts';
import { CAPS } from '@debrief/model';
import { SERVER_BUSY_CLOSE } from '@debrief/protocol';
import type { LoadMonitor } from '../load/load-monitor.ts';
import { frameHeader, inspectFrame } from './frame-check.ts';
import { statelessFrame, type DocumentGuard } from './document-guard.ts';
import { writesSchemaMetadata } from './schema-metadata.ts';
import { SocketGate } from './socket-gate.ts';
import { SOCKET_CLOSE, SOCKET_LIMITS, type SocketLimits } from './socket-limits.ts';
import { UnsentData } from './unsent-data.ts';

/** The only WebSocket path; every other upgrade request is refused. */
export const COLLAB_PATH = '/collab';

/** Largest WebSocket message accepted: a whole document at its 5 MB cap, plus framing. Larger ones close the socket (1009). */
export const MAX_MESSAGE_BYTES = 6 * 1024 * 1024;

/** How long a socket has to answer the server's close at shutdown before it is cut. */
const SHUTDOWN_GRACE_MS = 1_000;

/** Close code for a message that is not a well-formed Hocuspocus message (4000–4999 are the application's). */
export const MALFORMED_MESSAGE = { code: 4400, reason: 'malformed message' };

export interface SocketOptions {
  limiter: RateLimiter;
  trustProxy: TrustProxy;
  /** Host names an upgrade may name (http/allowed-hosts.ts); any when absent. */
  allowedHosts?: AllowedHosts;
  log: { debug(obj: object, msg: string): void };
  guard: DocumentGuard;
  /** What one socket may cost (socket-limits.ts); tests lower them. */
  limits?: Partial<SocketLimits>;
  /** This instance's load: counts the sockets, and refuses new ones while it is at capacity. */
  load: LoadMonitor;
}

/** What every connection on a socket starts with in its Hocuspocus context, before its key is checked. */
export interface SocketContext {
  /** The client's address (per-address limits, e.g. presence). */
  clientAddress: string;
  gate: SocketGate;
}

/**
 * What Hocuspocus keeps of the upgrade request for its hooks: the URL and the headers, which are all they read of a
 * web Request. The URL is the path alone: Hocuspocus reads a request's parameters again for every message, and a
 * path is split, where a full URL would be parsed each time (1.6 % of the server's CPU under 5,000 connections);
 * and an object with two fields costs less memory per connection than a web Request.
 */
function hookRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return { url: request.url ?? '/', headers } as unknown as Request;
}

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data)
    ? new Uint8Array(Buffer.concat(data))
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Routes `/collab` upgrades on the HTTP server into Hocuspocus, with `ws` directly (Hocuspocus 4 takes any
 * WebSocket-like object). Returns a function that closes every open socket, for shutdown.
 */
export function attachCollabSocket(server: Server, hocuspocus: Hocuspocus, options: SocketOptions): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const limits = { ...SOCKET_LIMITS, ...options.limits };
  const unsent = new UnsentData(limits);
  let unauthenticated = 0;
  let shuttingDown = false;

  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client reconnecting while the server saves and stops would get a socket nothing cuts, and the HTTP
    // server's close would wait for it for ever.
    if (shuttingDown) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\r\n');
      return;
    }
    if (refusedUpgrade(request, socket, options.allowedHosts, options.trustProxy)) return;
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    const address = clientAddress(request, options.trustProxy);
    const decision = await options.limiter.take('openConnection', address);
    if (!decision.allowed) {
      socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${decision.retryAfterSeconds}\r\nConnection: close\r\n\r\n`);
      return;
    }
    // Each socket not yet authenticated may hold a little queued data: their number bounds it all together.
    if (unauthenticated >= limits.unauthenticatedSockets) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\r\n');
      return;
    }
    // The rate limiter may have taken a while: shutdown can have begun meanwhile.
    if (shuttingDown) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      // At capacity the socket is opened only to be closed with a code the browser can read (an HTTP refusal of
      // the upgrade reaches a page as a bare failure): it says "server busy" and retries later.
      if (!options.load.admits()) {
        websocket.close(SERVER_BUSY_CLOSE.code, SERVER_BUSY_CLOSE.reason);
        return;
      }
      options.load.connections++;
      const gate = new SocketGate(limits);
      unauthenticated++;
      let counted = true;
      const authenticatedNow = () => {
        if (counted) unauthenticated--;
        counted = false;
      };
      gate.onAuthenticated = authenticatedNow;
      const deadline = setTimeout(() => {
        if (!gate.authenticatedAny) websocket.close(SOCKET_CLOSE.authDeadline.code, SOCKET_CLOSE.authDeadline.reason);
      }, limits.authDeadlineMs);
      const context: SocketContext = { clientAddress: address, gate };
      const connection = hocuspocus.handleConnection(unsent.watch(websocket), hookRequest(request), context);
      const refuse = (document: string, notice: Parameters<typeof statelessFrame>[1]) => websocket.send(statelessFrame(document, notice));
      websocket.on('message', (data) => {
        const bytes = bytesOf(data);
        // Anything malformed ends this connection only; Hocuspocus and Yjs never see it. What the socket may not
        // send at all is refused on its header, before its payload costs anything to decode.
        const header = frameHeader(bytes);
        const admitted = 'problem' in header ? null : gate.admit(header, bytes.length);
        if (admitted !== null && admitted !== 'pass') {
          options.log.debug({ reason: admitted.close.reason }, 'closing a connection over its limits');
          websocket.close(admitted.close.code, admitted.close.reason);
          return;
        }
        const frame = inspectFrame(bytes, header);
        if ('problem' in frame) {
          options.log.debug({ problem: frame.problem }, 'closing a connection that sent a malformed message');
          websocket.close(MALFORMED_MESSAGE.code, MALFORMED_MESSAGE.reason);
          return;
        }
        if (frame.update) {
          const live = hocuspocus.documents.get(frame.document);
          // Only the server's migrations write the schema version: one client could otherwise brick the board.
          if (live && writesSchemaMetadata(live, frame.update)) {
            refuse(frame.document, { type: 'refused', what: 'schema-metadata' });
            return;
          }
          // Nothing that adds content takes a document to its size cap; deletions always pass, so it can be cleaned up.
          const adds = frame.update.structs.length > 0;
          if (adds && (options.guard.isFull(frame.document) || (live && options.guard.wouldOverflow(live, bytes.length)))) {
            refuse(frame.document, { type: 'limit-reached', what: 'document', cap: CAPS.documentBytes });
            return;
          }
        }
        connection.handleMessage(bytes);
      });
      websocket.on('close', (code, reason) => {
        options.load.connections--;
        clearTimeout(deadline);
        authenticatedNow();
        connection.handleClose({ code, reason: reason.toString() });
      });
      // A protocol error (oversized or malformed frame) closes the socket; `close` above tells Hocuspocus.
      websocket.on('error', () => websocket.terminate());
    });
  };
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(request, socket, head).catch(() => socket.destroy());
  });
  return () => {
    shuttingDown = true;
    unsent.stop();
    for (const websocket of sockets.clients) websocket.close(1001, 'server shutting down');
    // A peer that does not answer the close (a page mid-reload, a stalled reader) would hold the HTTP server's close
    // for ws's 30 s close timeout; after a short grace it is cut, as the process is ending anyway.
    setTimeout(() => {
      for (const websocket of sockets.clients) websocket.terminate();
    }, SHUTDOWN_GRACE_MS).unref();
  };
}
