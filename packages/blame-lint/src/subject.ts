import { FIRST_NAMES, PRONOUNS, ROLES } from './lexicon.ts';

const NAMES = new Set(FIRST_NAMES);
const PRONOUN_SET = new Set(PRONOUNS);
const ROLE_WORDS = new Set(ROLES.flatMap((role) => role.split(' ')).filter((w) => !['on', 'call', 'new', 'tech', 'team', 'release', 'support'].includes(w)));
ROLE_WORDS.add('on-call');
ROLE_WORDS.add('oncall');
ROLE_WORDS.add('hire');

/** Words that may sit between a subject and its verb without changing who the subject is. */
const FILLERS = new Set(['just', 'simply', 'also', 'then', 'again', 'apparently', 'clearly', 'obviously', 'completely', 'totally', 'accidentally', 'probably', 'really', 'still', 'never', 'always', 'themselves', 'himself', 'herself', 'both', 'all']);

/** True when the word is a first name written as one (capitalised), a pronoun, or a role. */
export function isPersonWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/'s$|’s$/, '');
  if (PRONOUN_SET.has(lower) || ROLE_WORDS.has(lower)) return true;
  const bare = word.replace(/'s$|’s$/, '');
  return NAMES.has(lower) && /^[A-Z]/.test(bare);
}

/**
 * Whether the words just before `index` in `text` name a person: skips fillers, and accepts "Dave", "Dave Smith",
 * "the on-call engineer", "he", "someone".
 */
export function personBefore(text: string, index: number): boolean {
  const words = text.slice(0, index).match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  let i = words.length - 1;
  while (i >= 0 && FILLERS.has(words[i]!.toLowerCase())) i--;
  if (i < 0) return false;
  const word = words[i]!;
  if (isPersonWord(word)) return true;
  // "Dave Smith": a capitalised surname after a first name.
  const previous = words[i - 1];
  return /^[A-Z][a-z]+$/.test(word) && previous !== undefined && isPersonWord(previous) && /^[A-Z]/.test(previous);
}
