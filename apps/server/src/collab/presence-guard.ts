import {
  OutgoingMessage,
  MessageType,
  type beforeHandleAwarenessPayload,
  type beforeHandleMessagePayload,
  type Connection,
  type Document,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { parsePresence, PRESENCE_MAX_BYTES, PRESENCE_MAX_CLIENTS, PRESENCE_MAX_PER_ADDRESS, PRESENCE_MAX_PER_DOCUMENT } from '@debrief/protocol';
import type { CollabContext } from './auth.ts';

/**
 * Presence belongs to its owner. A Yjs client id belongs to the first connection to a document that set a state
 * for it, until that connection closes; only the owner may update or remove it. Entries for someone else's client
 * id are dropped silently (the rest of the message still applies), so nobody can rename or remove another person,
 * and the server never relays a state a connection echoes from someone else as if it were new. A connection may
 * own PRESENCE_MAX_CLIENTS ids, a client address PRESENCE_MAX_PER_ADDRESS, a document PRESENCE_MAX_PER_DOCUMENT (a
 * flood of fake people would otherwise reach every client, and every newcomer's first frame); each state must be a
 * presence state (packages/protocol/src/presence.ts) of at most PRESENCE_MAX_BYTES, with the role the connection's
 * key gives (rewritten to it, see `filter`). Presence lives on the board only: awareness on any other document is
 * dropped whole.
 *
 * What Hocuspocus 4.7 does with an awareness message (MessageReceiver, `case MessageType.Awareness`), found by
 * experiment (presence-guard.test.ts): it decodes the update into a scratch Awareness, calls beforeHandleAwareness
 * with that Awareness's state map, and re-encodes the ids still in the map.
 *  1. The scratch Awareness has a state `{}` of its own under a random id, at clock 0, so the map holds it too and
 *     it is encoded. The document's awareness ignores it (an unknown id needs a clock above 0), so it never showed;
 *     the guard drops it anyway, as it is no presence state, and never counts it against the sender.
 *  2. A removal (state null) leaves no entry in the map, so it is never encoded: every removal sent over the
 *     socket was lost, and a state stayed until its connection closed. `removeOwn`, run from beforeHandleMessage
 *     for the same message just before, applies the removals of ids the sender owns and no others. It runs there,
 *     not in websocket.ts, because that hook runs per document connection, after authentication, in order with
 *     the connection's other messages, and knows the connection that owns ids. Should a later Hocuspocus keep
 *     removals in the map, `filter` keeps only the owner's, and applying one twice changes nothing.
 *
 * When an owner's connection closes, Hocuspocus removes its states and the ids are free again (an owner that
 * removes its own state keeps the id until then). A browser that reconnects on a new socket keeps its client id and
 * re-announces its state at the clock everyone last saw, which y-protocols would ignore until its next renewal
 * (every 15 s): the guard applies it one clock higher, so it reappears at once. If its old connection was still open
 * when it announced itself (a socket that died without the server noticing), its state was dropped; it is asked
 * for its state again (QueryAwareness) the moment the old connection's states are removed.
 *
 * With several instances (Redis), ownership is per instance: a state present here that no connection here owns is
 * someone else's, and a connection here cannot take its id. Such a state goes when its owner's instance says so or,
 * as removals relayed through Redis are lost too (2. above), after y-protocols' 30 s timeout.
 */
export class PresenceGuard {
  readonly #documents = new WeakMap<Document, Presences>();

  /** beforeHandleAwareness: rewrites the decoded states of one inbound awareness message in place. */
  filter({ states, connection, context, document, transactionOrigin }: beforeHandleAwarenessPayload<CollabContext>): void {
    // Other instances (Redis) and the server itself have no connection: they were checked where they came in.
    if (!connection) return;
    if (context?.kind !== 'board') {
      states.clear();
      return;
    }
    const presences = this.#presences(document);
    const heldByOthers: number[] = [];
    for (const [clientId, state] of states) {
      const owner = presences.owner(clientId);
      // Not reached with Hocuspocus 4.7 (see 2. above).
      if ((state as unknown) === null) {
        if (owner !== connection) states.delete(clientId);
        continue;
      }
      const valid = Buffer.byteLength(JSON.stringify(state)) <= PRESENCE_MAX_BYTES ? parsePresence(state) : null;
      if (!valid) {
        states.delete(clientId);
      } else if (owner !== undefined && owner !== connection) {
        states.delete(clientId);
        heldByOthers.push(clientId);
      } else {
        // What a key may do is enforced where it is done; the badge others see says the same. A state claiming
        // another role is corrected rather than dropped, so its sender stays visible, as what it is.
        const corrected = { ...valid, user: { ...valid.user, role: context.role } };
        if (owner === connection) {
          states.set(clientId, corrected);
          continue;
        }
        // Present but owned by no connection here: held on another instance (Redis) or by the server. Or the
        // connection owns as many ids as it may.
        if (document.awareness.getStates().has(clientId) || !presences.claim(clientId, connection)) {
          states.delete(clientId);
          continue;
        }
        const seen = document.awareness.meta.get(clientId);
        if (!seen) {
          states.set(clientId, corrected);
          continue;
        }
        // A client id seen before (a browser back on a new socket) comes back at the clock everyone removed it at,
        // which nobody would take until its next renewal: it is applied just above that, for everyone, the sender
        // included.
        states.delete(clientId);
        applyAwarenessUpdate(document.awareness, awarenessUpdate([[clientId, seen.clock + 1, corrected]]), transactionOrigin);
      }
    }
    // A connection with no presence yet whose state another connection held is waiting to get it back.
    if (heldByOthers.length > 0 && !presences.ownsAny(connection)) {
      for (const clientId of heldByOthers) presences.waiting.set(clientId, connection);
    }
  }

  /** beforeHandleMessage: applies the removals in an awareness message for the ids its sender owns. */
  removeOwn({ update, connection, document }: beforeHandleMessagePayload<CollabContext>): void {
    const presences = this.#documents.get(document);
    if (!presences) return;
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return;
    const entries = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const removals: [clientId: number, clock: number, state: null][] = [];
    for (let count = decoding.readVarUint(entries); count > 0; count--) {
      const clientId = decoding.readVarUint(entries);
      const clock = decoding.readVarUint(entries);
      if (decoding.readVarString(entries) === 'null' && presences.owner(clientId) === connection) removals.push([clientId, clock, null]);
    }
    if (removals.length === 0) return;
    // With the connection as origin, Hocuspocus stops counting the id among the connection's states, as for its own.
    applyAwarenessUpdate(document.awareness, awarenessUpdate(removals), { source: 'connection', connection });
  }

  #presences(document: Document): Presences {
    let presences = this.#documents.get(document);
    if (!presences) {
      presences = new Presences(document);
      this.#documents.set(document, presences);
    }
    return presences;
  }
}

/** The client address the connection's socket came from (websocket.ts puts it in the context). */
function addressOf(connection: Connection): string | undefined {
  return (connection.context as CollabContext | undefined)?.clientAddress;
}

/** An awareness update (y-protocols' encoding) of the given entries. */
function awarenessUpdate(entries: [clientId: number, clock: number, state: object | null][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Who owns which client id on one document, and who waits for one. */
class Presences {
  readonly #owners = new Map<number, Connection>();
  /** Client ids whose state a connection sent while another connection held them, by the latest such connection. */
  readonly waiting = new Map<number, Connection>();

  constructor(private readonly document: Document) {
    document.awareness.on('update', ({ removed }: { removed: number[] }) => {
      const asked = removed.filter((clientId) => this.waiting.has(clientId));
      // A closing connection's states are removed before it is unregistered: look once that is done.
      if (asked.length > 0) queueMicrotask(() => this.#askWaiting(asked));
    });
  }

  /** The live connection that owns the client id, if any. */
  owner(clientId: number): Connection | undefined {
    const owner = this.#owners.get(clientId);
    if (owner && !this.document.hasConnection(owner)) {
      this.#owners.delete(clientId);
      return undefined;
    }
    return owner;
  }

  ownsAny(connection: Connection): boolean {
    for (const owner of this.#owners.values()) if (owner === connection) return true;
    return false;
  }

  /**
   * Makes the connection the owner of a free client id, unless it owns as many as it may, its address does, or the
   * document holds as many states as it may (those of other instances included).
   */
  claim(clientId: number, connection: Connection): boolean {
    let owned = 0;
    let fromAddress = 0;
    const address = addressOf(connection);
    for (const [id, owner] of this.#owners) {
      if (!this.document.hasConnection(owner)) this.#owners.delete(id);
      else if (owner === connection) owned++;
      if (address !== undefined && addressOf(owner) === address) fromAddress++;
    }
    // Gone, or no longer without a presence: no longer waiting.
    for (const [id, waiting] of this.waiting) if (waiting === connection || !this.document.hasConnection(waiting)) this.waiting.delete(id);
    if (owned >= PRESENCE_MAX_CLIENTS || fromAddress >= PRESENCE_MAX_PER_ADDRESS) return false;
    if (this.document.awareness.getStates().size >= PRESENCE_MAX_PER_DOCUMENT) return false;
    this.#owners.set(clientId, connection);
    return true;
  }

  #askWaiting(clientIds: number[]): void {
    for (const clientId of clientIds) {
      const waiting = this.waiting.get(clientId);
      if (!waiting || this.owner(clientId) !== undefined || this.document.awareness.getStates().has(clientId)) continue;
      this.waiting.delete(clientId);
      if (this.document.hasConnection(waiting)) waiting.send(new OutgoingMessage(waiting.messageAddress).writeQueryAwareness().toUint8Array());
    }
  }
}
