import { ruleSpans } from '../rules.ts';
import { isPersonOrGroupWord } from '../subject.ts';
import type { Tagged } from './tagger.ts';

/**
 * Hashed features of a sentence for the linear blame model. Each is hashed (FNV-1a) into `2^bits` buckets: no
 * vocabulary to ship, any word has a place.
 * - The words: lower-cased unigrams and bigrams (apostrophes dropped, so "didnt" and "didn't" meet). Character
 *   n-grams were measured too and left out: over a few thousand sentences they added more noise than they caught
 *   typos (short neutral titles scored as blame).
 * - Who is in it, two ways: word lists (a known role, pronoun or group → `<person>`; any other capitalised word
 *   after the first → `<cap>`) and the tagger (a proper noun that is not an acronym → `<name>`), as bigrams and
 *   trigrams, so "<name> should have" generalises from the names in the data to every name.
 * - The clause's shape: part-of-speech bigrams and tag–word pairs.
 * - The hand-written rules that matched, by kind: the model learns how far to trust each.
 * - A question; shouting.
 */
export function featuresOf(text: string, bits: number, tagged: Tagged): number[] {
  const mask = (1 << bits) - 1;
  const out: number[] = [];
  const add = (feature: string) => out.push(fnv1a(feature) & mask);
  const words =
    text
      .normalize('NFKC')
      .replace(/[’'`´]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = words.map((word) => word.toLowerCase());
  const listed = words.map((word, i) =>
    isPersonOrGroupWord(word, text) ? '<person>' : i > 0 && /^\p{Lu}\p{Ll}+$/u.test(word) ? '<cap>' : lower[i]!,
  );
  add('\u0001bias');
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i]!;
    add(`w:${word}`);
    add(`b:${i === 0 ? '^' : lower[i - 1]} ${word}`);
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(words[i]!)) add(`cap:${lower[i - 1]}`);
    add(`lb:${i === 0 ? '^' : listed[i - 1]} ${listed[i]}`);
    add(`lt:${i < 2 ? '^' : listed[i - 2]} ${i === 0 ? '^' : listed[i - 1]} ${listed[i]}`);
  }
  if (lower.length > 0) add(`b:${lower.at(-1)} $`);
  const { tokens, pos } = tagged;
  const tagged2 = tokens.map((token, i) =>
    pos[i] === 'PROPN' && !/^[\p{Lu}\p{N}]+$/u.test(token) ? '<name>' : isPersonOrGroupWord(token, text) ? '<person>' : token.toLowerCase(),
  );
  for (let i = 0; i < tokens.length; i++) {
    add(`tb:${i === 0 ? '^' : tagged2[i - 1]} ${tagged2[i]}`);
    add(`p2:${i === 0 ? '^' : pos[i - 1]} ${pos[i]}`);
    add(`pw:${pos[i]} ${i + 1 < tokens.length ? tagged2[i + 1] : '$'}`);
    add(`wp:${tagged2[i]} ${i + 1 < tokens.length ? pos[i + 1] : '$'}`);
  }
  if (/\?\s*$/.test(text)) add('\u0001question');
  if (words.length > 2 && words.every((word) => word === word.toUpperCase())) add('\u0001shout');
  for (const span of ruleSpans(text, false)) {
    add(`rule:${span.kind}`);
    add('rule:any');
  }
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
