import { MessageType } from '@hocuspocus/server';
import { SOCKET_CLOSE, type SocketLimits } from './socket-limits.ts';

/** What to do with one inbound frame. */
export type GateDecision = 'pass' | { close: { code: number; reason: string } };

/**
 * Per socket, before Hocuspocus sees a frame: which document addresses the socket opened (at most
 * `documentsPerSocket`, one session per document), that each address starts with its authentication message
 * (anything before it closes the socket: a browser always sends its key first), and how much it sends after its key while the server checks it.
 * Hocuspocus queues those messages; its own queue limits are set to the same figures as a second line.
 */
export class SocketGate {
  /** Address → its document, for every address this socket authenticated or is authenticating. */
  readonly #addresses = new Map<string, string>();
  /** Documents whose key the server accepted on this socket. */
  readonly #authenticated = new Set<string>();
  #preAuthBytes = 0;
  #preAuthMessages = 0;

  /** Called once, when the first document on this socket is authenticated. */
  onAuthenticated: (() => void) | undefined;

  constructor(private readonly limits: SocketLimits) {}

  get authenticatedAny(): boolean {
    return this.#authenticated.size > 0;
  }

  admit(frame: { address: string; document: string; type: number }, bytes: number): GateDecision {
    const known = this.#addresses.get(frame.address);
    if (known === undefined) {
      if (frame.type !== MessageType.Auth) return { close: SOCKET_CLOSE.authenticateFirst };
      const sessions = [...this.#addresses.values()];
      if (sessions.includes(frame.document) || sessions.length >= this.limits.documentsPerSocket) return { close: SOCKET_CLOSE.tooManyDocuments };
      this.#addresses.set(frame.address, frame.document);
      return 'pass';
    }
    if (frame.type === MessageType.CLOSE) {
      // The provider closed this document: its place is free again.
      this.#addresses.delete(frame.address);
      this.#authenticated.delete(frame.document);
      return 'pass';
    }
    if (!this.#authenticated.has(frame.document) && frame.type !== MessageType.Auth) {
      this.#preAuthBytes += bytes;
      this.#preAuthMessages += 1;
      if (this.#preAuthBytes > this.limits.preAuthBytes || this.#preAuthMessages > this.limits.preAuthMessages) {
        return { close: SOCKET_CLOSE.preAuthFlood };
      }
    }
    return 'pass';
  }

  /** The server accepted the key for `document` on this socket (Hocuspocus's `connected`). */
  authenticated(document: string): void {
    if (this.#authenticated.size === 0) this.onAuthenticated?.();
    this.#authenticated.add(document);
  }
}
