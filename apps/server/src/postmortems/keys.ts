import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new link key: 256 random bits, base64url (43 characters). */
export function generateKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Keys carry 256 bits of entropy, so a plain SHA-256 is enough to make a stolen store useless. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares two key hashes in constant time. */
export function hashesMatch(hash: string, storedHash: string): boolean {
  const presented = Buffer.from(hash, 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Compares a presented key with a stored hash in constant time. */
export function keyMatches(key: string, storedHash: string): boolean {
  return hashesMatch(hashKey(key), storedHash);
}
