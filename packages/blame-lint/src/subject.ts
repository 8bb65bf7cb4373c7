import { FIRST_NAMES, PRONOUNS, ROLES } from './lexicon.ts';

const NAMES = new Set(FIRST_NAMES);
const PRONOUN_SET = new Set(PRONOUNS);
const ROLE_WORDS = new Set(
  ROLES.flatMap((role) => role.split(' ')).filter((w) => !['on', 'call', 'new', 'tech', 'team', 'release', 'support'].includes(w)),
);
ROLE_WORDS.add('on-call');
ROLE_WORDS.add('oncall');
ROLE_WORDS.add('hire');

/** Words that may sit between a subject and its verb without changing who the subject is. */
const FILLERS = new Set([
  'just',
  'simply',
  'also',
  'then',
  'again',
  'apparently',
  'clearly',
  'obviously',
  'completely',
  'totally',
  'accidentally',
  'probably',
  'really',
  'still',
  'never',
  'always',
  'themselves',
  'himself',
  'herself',
  'both',
  'all',
]);

/** Words naming a group of people, so "the payments team" or "the frontend folks" can be a subject. */
const GROUP_WORDS = new Set(['team', 'teams', 'folks', 'people', 'guys', 'squad', 'crew']);

/**
 * True when the word is a first name written as one (capitalised, or anything in an all-lower-case text such as
 * a chat message), a pronoun, or a role.
 */
export function isPersonWord(word: string, text?: string): boolean {
  const lower = word.toLowerCase().replace(/'s$|’s$/, '');
  if (PRONOUN_SET.has(lower) || ROLE_WORDS.has(lower)) return true;
  const bare = word.replace(/'s$|’s$/, '');
  return NAMES.has(lower) && (/^[A-Z]/.test(bare) || (text !== undefined && !/\p{Lu}/u.test(text)));
}

/** A person, or a group of people ("the mobile team"). */
export function isPersonOrGroupWord(word: string, text?: string): boolean {
  return isPersonWord(word, text) || GROUP_WORDS.has(word.toLowerCase().replace(/'s$|’s$/, ''));
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
  if (isPersonWord(word, text)) return true;
  // "Dave Smith": a capitalised surname after a first name.
  const previous = words[i - 1];
  return /^[A-Z][a-z]+$/.test(word) && previous !== undefined && isPersonWord(previous) && /^[A-Z]/.test(previous);
}

/** Words that may open a clause before its subject: times, "then", "at 09:12", "so"… */
const CLAUSE_OPENERS =
  /^(?:at|on|in|around|about|after|before|then|later|so|and|but|also|again|finally|meanwhile|predictably|yesterday|today|\d[\d:.]*(?:am|pm|utc)?|utc)$/i;
const DETERMINERS = /^(?:the|a|an|our|their|that|this|one|whoever|nobody)$/i;

/**
 * The person (or group of people) that is the subject of the clause holding `index`, or null, for verbs that do not
 * follow their subject directly: "the intern pushed to main and broke the build", "nobody on the payments team
 * bothered to read it". Only the first noun of the clause counts, so "Priya followed the runbook, which …" and
 * "the deploy broke …" are left alone.
 */
export function clauseSubject(text: string, index: number): string | null {
  const before = text.slice(0, index);
  const start = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf(';'),
    before.lastIndexOf('!'),
    before.lastIndexOf('?'),
    before.lastIndexOf(':'),
    before.lastIndexOf(','),
  );
  const words = before.slice(start + 1).match(/[\p{L}\p{N}'’:-]+/gu) ?? [];
  let i = 0;
  while (i < words.length && (CLAUSE_OPENERS.test(words[i]!) || /^\d/.test(words[i]!))) i++;
  // A subject is "Dave", "someone", "the on-call engineer", "the platform team", "nobody on the payments team":
  // past any determiners, its first word or the one after (a modifier and its head) names a person or a group.
  while (i < words.length && DETERMINERS.test(words[i]!)) {
    if (isPersonOrGroupWord(words[i]!, text)) return words[i]!; // "nobody", "whoever"
    i++;
  }
  for (const word of words.slice(i, i + 2)) if (isPersonOrGroupWord(word, text)) return word;
  return null;
}

/** Whether the words just before `index` join a second verb to the clause's first ("… and broke", "… then ignored"). */
export function continuesPredicate(text: string, index: number): boolean {
  return /(?:\band|\bthen|\band then|\bbut)\s+(?:[\p{L}'’]+ly\s+|just\s+|still\s+)?$/iu.test(text.slice(0, index));
}

/** Whether the words just before `index` are a prepositional phrase after the subject ("nobody on the payments team"). */
export function afterPrepositionalPhrase(text: string, index: number): boolean {
  return /\b(?:on|in|from|of|at)\s+(?:the\s+)?[\p{L}-]+(?:\s+(?:team|folks|people|guys|squad))?\s+$/iu.test(text.slice(0, index));
}
