/**
 * Every edit carries a marker such as `~m3.1.42~` (session 3, writer 1, edit 42) in the text it inserts. Yjs
 * writes inserted strings as UTF-8 inside its updates, so a receiver finds markers in raw frames without
 * decoding anything: that keeps receivers light enough for one machine to run a thousand of them.
 */
export function marker(session: number, writer: number, seq: number): string {
  return `~m${session}.${writer}.${seq}~`;
}

const TILDE = 0x7e;
const M = 0x6d;
const DOT = 0x2e;

/** The marker keys (`3.1.42`) found in a frame, in order. */
export function findMarkers(bytes: Uint8Array): string[] {
  const found: string[] = [];
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== TILDE || bytes[i + 1] !== M) continue;
    let j = i + 2;
    let key = '';
    for (; j < bytes.length && j - i < 40; j++) {
      const b = bytes[j]!;
      if ((b >= 0x30 && b <= 0x39) || b === DOT) key += String.fromCharCode(b);
      else break;
    }
    if (j < bytes.length && bytes[j] === TILDE && key.length > 0) {
      found.push(key);
      i = j;
    }
  }
  return found;
}
