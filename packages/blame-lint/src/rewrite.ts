import { isPersonOrGroupWord } from './subject.ts';

/** Words for the team speaking of itself, or for a thing: a rewrite that keeps them blames nobody. */
const NOT_BLAMED = /^(?:we|us|our|i|it|this|that)$/i;

/**
 * Whether replacing `start`–`end` of `text` with `replacement` leaves a sentence that blames nobody: no person or
 * group is named in it any more (so "Bob should have checked" → "Bob had not checked" is refused: it still pins the
 * omission on Bob), and the checker finds nothing in it.
 */
export function rewriteBlamesNoPerson(text: string, start: number, end: number, replacement: string, check: (text: string) => unknown[]): boolean {
  const rewritten = text.slice(0, start) + replacement + text.slice(end);
  const from = Math.max(...['.', ';', '!', '?'].map((mark) => rewritten.lastIndexOf(mark, start - 1))) + 1;
  const stop = rewritten.slice(start + replacement.length).search(/[.;!?]/);
  const sentence = rewritten.slice(from, stop < 0 ? rewritten.length : start + replacement.length + stop);
  const names = (sentence.match(/[\p{L}'’-]+/gu) ?? []).filter((word) => !NOT_BLAMED.test(word) && isPersonOrGroupWord(word, text));
  return names.length === 0 && check(sentence).length === 0;
}
