/**
 * Hashed features of a sentence for the linear blame model: lower-cased word unigrams and bigrams (apostrophes and
 * punctuation dropped, so "didnt" and "didn't" meet), character 3- to 5-grams inside each word (typos, "SRE"/"SREs",
 * names the model never saw still share pieces with ones it did), and a few shape features the words lose when
 * lower-cased (a capitalised word not opening the sentence: often a name; a question; shouting). Each feature is
 * hashed (FNV-1a) into `2^bits` buckets: no vocabulary to ship, any word has a place.
 */
export function featuresOf(text: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const out: number[] = [];
  const add = (feature: string) => out.push(fnv1a(feature) & mask);
  const words = text.normalize('NFKC').replace(/[’'`´]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = words.map((word) => word.toLowerCase());
  add('\u0001bias');
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i]!;
    add(`w:${word}`);
    add(`b:${i === 0 ? '^' : lower[i - 1]} ${word}`);
    const padded = `<${word}>`;
    for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= padded.length; j++) add(`c${n}:${padded.slice(j, j + n)}`);
    const original = words[i]!;
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(original)) add(`cap:${lower[i - 1]}`);
  }
  if (lower.length > 0) add(`b:${lower.at(-1)} $`);
  if (/\?\s*$/.test(text)) add('\u0001question');
  if (words.length > 2 && words.every((word) => word === word.toUpperCase())) add('\u0001shout');
  return out;
}

/** FNV-1a, 32 bits: fast, stable across runtimes, good enough spread for hashing words into buckets. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
