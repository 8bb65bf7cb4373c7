/**
 * What one WebSocket may cost the server. A browser opens three documents on one socket (board, notes, findings)
 * and sends a few small messages before the server answers its key; everything beyond that is an attack: many
 * sessions of one document on one socket (each broadcast is encoded and queued once per session), megabytes queued
 * before authentication, or a socket that stops reading while the server queues everything for it.
 */
export interface SocketLimits {
  /** Documents one socket may open. */
  documentsPerSocket: number;
  /** Bytes and messages one socket may send for a document after its key and before the server answers it. */
  preAuthBytes: number;
  preAuthMessages: number;
  /** Sockets that may be open at once without any document authenticated (each may hold `preAuthBytes`). */
  unauthenticatedSockets: number;
  /** A socket that has authenticated no document by then is closed. */
  authDeadlineMs: number;
  /** Bytes queued for one socket that it has not read; beyond, the socket is closed (a slow or stalled reader). */
  unsentBytesPerSocket: number;
  /** Bytes queued for all sockets together; beyond, the sockets holding the most are closed first. */
  unsentBytesTotal: number;
}

export const SOCKET_LIMITS: SocketLimits = {
  documentsPerSocket: 8,
  preAuthBytes: 64 * 1024,
  preAuthMessages: 32,
  unauthenticatedSockets: 1_024,
  authDeadlineMs: 10_000,
  // Three documents at their 5 MB cap, sent to a browser that just joined, fit.
  unsentBytesPerSocket: 16 * 1024 * 1024,
  unsentBytesTotal: 256 * 1024 * 1024,
};

/** Close codes (4000–4999 are the application's); the browser reconnects after each, with backoff. */
export const SOCKET_CLOSE = {
  tooManyDocuments: { code: 4429, reason: 'too many documents or sessions on one connection' },
  authDeadline: { code: 4401, reason: 'no authentication in time' },
  authenticateFirst: { code: 4401, reason: 'authentication must come first' },
  preAuthFlood: { code: 4413, reason: 'too much data before authentication' },
} as const;
