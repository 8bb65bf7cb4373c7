import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isPostmortemId } from '@debrief/protocol';

/** Longest document address a client may use: `<id>/<kind>`, optionally followed by `\0` and a session id. */
const MAX_ADDRESS_LENGTH = 128;
const MAX_STATELESS_BYTES = 64 * 1024;
const MAX_AWARENESS_STATE_BYTES = 16 * 1024;

/** `<post-mortem id>/<lower-case word>`: the shape of every document address. */
function isDocumentAddress(name: string): boolean {
  const [id, kind, ...rest] = name.split('/');
  return rest.length === 0 && id !== undefined && isPostmortemId(id) && /^[a-z]{1,20}$/.test(kind ?? '');
}

/**
 * Checks a client frame completely before Hocuspocus sees it: the document address names a document we serve,
 * the type is one clients send, and the payload decodes (Yjs updates and state vectors, awareness JSON) with
 * nothing left over. Returns null for a well-formed frame, or why it is not. Garbage therefore never reaches
 * Hocuspocus or Yjs: the connection is closed instead, with no stack trace in the log.
 */
export function checkFrame(frame: Uint8Array): string | null {
  const info = inspectFrame(frame);
  return 'problem' in info ? info.problem : null;
}

/**
 * What a well-formed frame is: its address (the document, and a session after `\0` when the client uses one), its
 * document, its message type, for sync messages the step (0 asks, 1–2 carry changes), and for changes the decoded
 * update (decoded here anyway, so later checks need not decode it again).
 */
export type FrameInfo = { address: string; document: string; type: number; step: number | null; update: DecodedUpdate | null } | { problem: string };

/** A Yjs update as `Y.decodeUpdate` reads it: new structs and what it deletes. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** A frame's address, document and type, and where its payload starts, read without decoding the payload; or why they cannot be read. */
export type FrameHeader = { address: string; document: string; type: number; payloadAt: number } | { problem: string };

/**
 * Reads only what decides whether a frame is wanted at all (the socket gate, socket-gate.ts), so a frame refused
 * there costs nothing to decode.
 */
export function frameHeader(frame: Uint8Array): FrameHeader {
  try {
    return readHeader(decoding.createDecoder(frame));
  } catch {
    return fail('undecodable message');
  }
}

function readHeader(decoder: decoding.Decoder): FrameHeader {
  const address = readBoundedString(decoder, MAX_ADDRESS_LENGTH);
  if (address === null) return fail('document address too long');
  const document = address.split('\0')[0] ?? '';
  // `<id>/<kind>` in shape; an unknown kind or post-mortem is refused by authentication, with a proper answer.
  if (!isDocumentAddress(document)) return fail('unknown document address');
  const type = decoding.readVarUint(decoder);
  return { address, document, type, payloadAt: decoder.pos };
}

/**
 * Like checkFrame, and says what a good frame is, so the socket layer can hold back changes to a full document.
 * Given the header frameHeader already read, it decodes only the payload.
 */
export function inspectFrame(frame: Uint8Array, header: FrameHeader = frameHeader(frame)): FrameInfo {
  if ('problem' in header) return header;
  try {
    const decoder = decoding.createDecoder(frame);
    decoder.pos = header.payloadAt;
    const { address, document, type } = header;
    let step: number | null = null;
    let update: DecodedUpdate | null = null;
    switch (type) {
      case MessageType.Sync: {
        step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === 0) Y.decodeStateVector(payload);
        else if (step === 1 || step === 2) update = Y.decodeUpdate(payload);
        else return fail('unknown sync step');
        break;
      }
      case MessageType.Awareness:
        checkAwareness(decoding.readVarUint8Array(decoder));
        break;
      case MessageType.Auth: {
        if (decoding.readVarUint(decoder) !== 0) return fail('unknown authentication message');
        if (readBoundedString(decoder, 256) === null) return fail('token too long');
        if (decoding.hasContent(decoder) && readBoundedString(decoder, 32) === null) return fail('version too long');
        break;
      }
      case MessageType.QueryAwareness:
      case MessageType.CLOSE:
        break;
      case MessageType.Stateless:
        if (readBoundedString(decoder, MAX_STATELESS_BYTES) === null) return fail('stateless message too long');
        break;
      case MessageType.SyncStatus:
        decoding.readVarUint(decoder);
        break;
      default:
        return fail(`unknown message type ${type}`);
    }
    // CLOSE may carry a reason; everything else must be exactly as long as its parts.
    if (type !== MessageType.CLOSE && decoding.hasContent(decoder)) return fail('trailing bytes');
    return { address, document, type, step, update };
  } catch {
    return fail('undecodable message');
  }
}

// At module level: this runs for every client frame, and a closure per call is garbage per call.
function fail(problem: string): { problem: string } {
  return { problem };
}

/** A varString no longer than `max` bytes, or null; checks the length before decoding anything. */
function readBoundedString(decoder: decoding.Decoder, max: number): string | null {
  const start = decoder.pos;
  const length = decoding.readVarUint(decoder);
  if (length > max) return null;
  decoder.pos = start;
  return decoding.readVarString(decoder);
}

/** An awareness update: a count, then per client an id, a clock and a JSON state (or "null"). */
function checkAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 1_000) throw new Error('too many awareness states');
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state = readBoundedString(decoder, MAX_AWARENESS_STATE_BYTES);
    if (state === null) throw new Error('awareness state too long');
    JSON.parse(state);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
}
