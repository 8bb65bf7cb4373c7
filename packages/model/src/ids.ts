const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random lowercase id; uses getRandomValues because randomUUID is missing outside secure contexts. */
export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
