import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkFrame } from './frame-check.ts';

const NAME = 'abcdefghijklmnop/board';

function frame(write: (encoder: encoding.Encoder) => void, name = NAME): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Alice' } });
  return [
    frame((e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, 'k'.repeat(43));
      encoding.writeVarString(e, '4.8.0');
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep2(e, doc);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    }),
    frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
    frame((e) => encoding.writeVarUint(e, 3)),
    frame((e) => {
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, '{"hello":1}');
    }),
  ];
}

describe('checkFrame', () => {
  it('accepts every message a real provider sends', () => {
    for (const valid of validFrames()) expect(checkFrame(valid)).toBeNull();
  });

  it('refuses unknown documents, unknown types, bad payloads and trailing bytes', () => {
    expect(checkFrame(frame((e) => encoding.writeVarUint(e, 3), '../etc/passwd'))).toBe('unknown document address');
    expect(checkFrame(frame((e) => encoding.writeVarUint(e, 3), 'x'.repeat(500)))).toBe('document address too long');
    expect(checkFrame(frame((e) => encoding.writeVarUint(e, 42)))).toBe('unknown message type 42');
    expect(
      checkFrame(
        frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]));
        }),
      ),
    ).toBe('undecodable message');
    const withTail = new Uint8Array([...validFrames()[1]!, 7]);
    expect(checkFrame(withTail)).toBe('trailing bytes');
    expect(checkFrame(new Uint8Array([]))).toBe('undecodable message');
    // A bare ping or pong byte: Hocuspocus 4.7 never pings, and would fail to read it as a document address.
    expect(checkFrame(new Uint8Array([10]))).not.toBeNull();
    expect(checkFrame(new Uint8Array([9]))).not.toBeNull();
  });

  it('never throws, whatever it is given: random, truncated and mutated frames', () => {
    const valid = validFrames();
    for (let i = 0; i < 5_000; i++) {
      const base = valid[i % valid.length]!;
      const kind = i % 3;
      const candidate = kind === 0 ? randomBytes(1 + (i % 200)) : kind === 1 ? base.slice(0, Math.floor(Math.random() * base.length)) : mutate(base);
      expect(() => checkFrame(candidate)).not.toThrow();
    }
  });
});

function mutate(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (let n = 0; n < 3; n++) copy[Math.floor(Math.random() * copy.length)] = Math.floor(Math.random() * 256);
  return copy;
}
