import { isPersonOrGroupWord } from './subject.ts';

/** Words for the team speaking of itself, or for a thing: a rewrite that keeps them blames nobody. */
const NOT_BLAMED = /^(?:we|us|our|i|it|this|that)$/i;

/** Capitalised words that open a sentence without naming anyone. */
const SENTENCE_OPENERS = new Set(
  'the a an we our it its this that these those there then when while after before during at on in if once since so but and no nothing every each all some one two'.split(
    ' ',
  ),
);

/**
 * Whether a word may be the name of a person the lexicon does not know ("Marguerite", "Xiaoyu's"): a capitalised
 * word (Title case, possessives too) anywhere but the opening of the sentence, or opening it as the subject the
 * rewrite follows ("Kowalski had not …") unless it is a common opener. Acronyms and host names (DNS, db1) are not
 * names. Refusing a rewrite costs one click; keeping a person in one would publish blame.
 */
function mayBeName(word: string, first: boolean, subjectOfRewrite: boolean): boolean {
  const bare = word.replace(/['’]s$/, '');
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u.test(bare)) return /['’]s$/.test(word) && /^\p{Lu}/u.test(word);
  if (!first) return true;
  return subjectOfRewrite && !SENTENCE_OPENERS.has(bare.toLowerCase());
}

/**
 * Whether replacing `start`–`end` of `text` with `replacement` leaves a sentence that blames nobody: no person or
 * group is named in it any more (nor any capitalised word that may be a name the lexicon does not know) (so "Bob should have checked" → "Bob had not checked" is refused: it still pins the
 * omission on Bob), and the checker finds nothing in it.
 */
export function rewriteBlamesNoPerson(text: string, start: number, end: number, replacement: string, check: (text: string) => unknown[]): boolean {
  const rewritten = text.slice(0, start) + replacement + text.slice(end);
  const from = Math.max(...['.', ';', '!', '?'].map((mark) => rewritten.lastIndexOf(mark, start - 1))) + 1;
  const stop = rewritten.slice(start + replacement.length).search(/[.;!?]/);
  const sentence = rewritten.slice(from, stop < 0 ? rewritten.length : start + replacement.length + stop);
  const words = sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const subjectOfRewrite = (rewritten.slice(from, start).match(/[\p{L}\p{N}'’-]+/gu) ?? []).length === 1;
  const names = words.filter((word, i) => !NOT_BLAMED.test(word) && (isPersonOrGroupWord(word, text) || mayBeName(word, i === 0, subjectOfRewrite)));
  return names.length === 0 && check(sentence).length === 0;
}
