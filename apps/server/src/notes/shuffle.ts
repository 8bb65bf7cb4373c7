import { randomInt } from 'node:crypto';

/** A uniformly random permutation (Fisher–Yates with a cryptographic source), so reveal order says nothing. */
export function shuffle<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
