// The hand-written rules: where a statement blames a person, what kind of blame it is, and a reframe for it.

import { GUIDANCE, type BlameIssue, type BlameKind } from './kinds.ts';
import { systemQuestion } from './questions.ts';
import { rewriteBlamesNoPerson } from './rewrite.ts';
import { afterPrepositionalPhrase, clauseSubject, continuesPredicate, isPersonOrGroupWord, isPersonWord, personBefore } from './subject.ts';

interface Rule {
  kind: BlameKind;
  pattern: RegExp;
  /** A neutral rewrite of the matched words, when one reads well (e.g. "should have" → "had not"). */
  replace?: (words: string) => string | undefined;
  /** Extra condition on a match (e.g. a person must be the subject); flags every match when absent. */
  when?: (text: string, match: RegExpExecArray) => boolean;
  /** Skipped in questions: a review asks "what could have caught this?" without blaming anyone. */
  notInQuestions?: boolean;
}

/**
 * The person a verb is about: the word just before it ("Dave broke"), or the clause's subject when the verb is a
 * second one ("the intern pushed to main and broke") or follows a phrase about the subject ("nobody on the
 * payments team bothered").
 */
function subjectOf(text: string, index: number): string | null {
  if (personBefore(text, index)) return (text.slice(0, index).match(/([\p{L}'’-]+)\s*$/u) ?? [])[1] ?? 'someone';
  return continuesPredicate(text, index) || afterPrepositionalPhrase(text, index) ? clauseSubject(text, index) : null;
}
const subjectIsPerson = (text: string, match: RegExpExecArray) => subjectOf(text, match.index) !== null;
/** "We" as a subject is the team speaking about itself: not a person being blamed for an omission. */
const subjectIsSomeoneElse = (text: string, match: RegExpExecArray) => {
  const subject = subjectOf(text, match.index);
  return subject !== null && subject.toLowerCase() !== 'we' && !/\bwe\s+(?:[\p{L}'’-]+\s+)?$/iu.test(text.slice(0, match.index));
};
/** A person or a group named anywhere before the match in the same sentence. */
const personEarlierInSentence = (text: string, match: RegExpExecArray) => {
  const sentence =
    text
      .slice(0, match.index)
      .split(/[.;!?]/)
      .at(-1) ?? '';
  return (sentence.match(/[\p{L}'’-]+/gu) ?? []).some((word) => isPersonOrGroupWord(word, text) && !/^we$/i.test(word));
};
/** A person or a group named anywhere in the sentence that holds the match. */
const personInSentence = (text: string, match: RegExpExecArray) => {
  const start = Math.max(...['.', ';', '!', '?'].map((mark) => text.lastIndexOf(mark, match.index)));
  const rest = text.slice(match.index).search(/[.;!?]/);
  const sentence = text.slice(start + 1, rest < 0 ? text.length : match.index + rest);
  return (sentence.match(/[\p{L}'’-]+/gu) ?? []).some((word) => isPersonOrGroupWord(word, text) && !/^we$/i.test(word));
};
const TOOL_NOUNS =
  /^(?:console|panel|page|tool|tools|api|ui|account|accounts|interface|rights|access|credentials|script|scripts|portal|dashboard|role|permissions|cli|endpoint|mode)$/i;
/** A person phrase right after a causal connective: "because Sara …", "caused by the on-call", "lies with whoever". */
const personFollows = (text: string, match: RegExpExecArray) => {
  const words = text.slice(match.index + match[0].length).match(/[\p{L}'’-]+/gu) ?? [];
  const phrase = /^(?:the|our|a|an)$/i.test(words[0] ?? '') ? words.slice(1, 3) : words.slice(0, 1);
  // "the admin console", "the operator dashboard": a role word naming a tool, not a person.
  if (TOOL_NOUNS.test(phrase[1] ?? '')) return false;
  // "they"/"it"/"we" after "because" are as often systems or the team itself as a person.
  return phrase.some((word) => isPersonWord(word, text) && !/^(?:they|we|it|i|you)$/i.test(word.replace(/['’]s$/, '')));
};

const RULES: Rule[] = [
  {
    kind: 'human-error',
    // Singular "user error" only: "user errors (HTTP 4xx)" is a metric. Not a compound noun: "user error messages", "human error rate".
    pattern:
      /\b(?:(?:human|operator|engineer|developer|pilot|admin) (?:errors?|mistakes?)|user (?:error|mistake)|pebkac|pebcak|picnic|layer[ -]8 (?:issue|problem|error)|id10t)\b(?!\s+(?:messages?|rates?|codes?|pages?|handling|budgets?|dialogs?|strings?|texts?)\b)/giu,
    replace: () => 'a gap in our safeguards',
  },
  {
    kind: 'character-judgement',
    pattern:
      /\b(?:careless(?:ly|ness)?|lazy|laziness|sloppy|sloppiness|incompeten(?:t|ce)|negligen(?:t|tly|ce)|reckless(?:ly|ness)?|stupid(?:ity)?|dumb|clueless|irresponsib(?:le|ly|ility)|inattentive|idiot(?:ic)?|amateurish|lazily|cowboy|unprofessional|thoughtless(?:ly)?|lack of (?:care|attention|diligence|discipline|competence)|asleep at the wheel|sloppiest|laziest|most (?:careless|reckless|incompetent|negligent)|rookie (?:mistake|error|move)|(?:poor|bad|terrible|awful|questionable) judg(?:e)?ment|too (?:inexperienced|junior|green|careless) to|(?:didn['’]t|did not|doesn['’]t|does not) know what (?:he|she|they|you) (?:was|were|is|are) doing|(?:couldn['’]t|could not|can['’]t) be bothered|wasn['’]t paying attention|weren['’]t paying attention|cut(?:ting)? corners|half[- ]asleep|out of (?:his|her|their|your|my) depth|should(?: have|['’]ve) known better)\b/giu,
  },
  {
    kind: 'counterfactual',
    // Not "should have a clear owner": that is possession, about the future.
    pattern:
      /\b(?:should|could|would|must|ought to)(?:n['’]t| not| never)? have\b(?!\s+(?:a|an|the|some|more|any|one|no|clear|better|proper|our|its|their)\b)|\b(?:should|could|would)(?:n['’]t)?['’]ve\b/giu,
    when: subjectIsPerson,
    // "X should have checked" states what happened instead: "X had not checked" ("should not have" → "had").
    replace: (words) => (/n['’]t|\bnot\b|\bnever\b/i.test(words) ? 'had' : 'had not'),
    notInQuestions: true,
  },
  { kind: 'counterfactual', pattern: /\bif only\b/giu, notInQuestions: true },
  {
    // "Had Alice read the runbook, we would not have…": hindsight about what a person did not do.
    kind: 'counterfactual',
    pattern:
      /\bhad\s+((?:[\p{L}'’-]+\s+){1,4}?)[\p{L}-]+\b[^.;]*?\b(?:we|it|this|they|the \w+|[\p{L}]+) (?:would|could)(?:n['’]t| not| never)? have\b/giu,
    when: (text, match) =>
      match[0]
        .split(/[\s,]+/)
        .slice(1, 4)
        .some((word) => isPersonWord(word, text)),
    notInQuestions: true,
  },
  {
    kind: 'failure-on-person',
    pattern:
      /\b(?:failed to|forgot to|forgot about|neglected to|ignored|overlooked|missed|dropped the ball|(?:was|were) supposed to|(?:was|were)n['’]t paying attention|(?:was|were) not paying attention|(?:did not|didn['’]t|never) (?:bother|notice|check|follow|test|verify|review|read|wait|ask|tell|escalate|communicate|look|update|double-check|confirm)(?:ed)?)\b/giu,
    when: subjectIsSomeoneElse,
  },
  {
    kind: 'person-as-cause',
    pattern:
      /\b(?:broke|caused|crashed|took down|brought down|screwed up|messed up|botched|blew up|nuked|pushed (?:a |the )?(?:broken|bad|faulty|buggy|wrong)|deployed (?:a |the )?(?:broken|bad|faulty|buggy|wrong)|introduced (?:the|a) (?:bug|outage|regression)|fat-fingered|made (?:a|an|the) (?:mistake|error|blunder|bad call)|is responsible for the (?:outage|incident)|was responsible for the (?:outage|incident))\b/giu,
    when: subjectIsSomeoneElse,
  },
  {
    kind: 'person-as-cause',
    pattern: /\b([\p{L}-]+)['’]s (?:mistake|fault|error|blunder|screw-?up|oversight|negligence|bad call|failure|doing)\b/giu,
    when: (_text, match) => isPersonWord(match[1] ?? ''),
  },
  { kind: 'person-as-cause', pattern: /\b(?:his|her|their|your|my) (?:mistake|fault|blunder|screw-?up|oversight|negligence)\b/giu },
  {
    kind: 'person-as-cause',
    pattern: /\b(?:because of|due to|thanks to|blamed? on|blame|(?:is|was) on)\s+([\p{L}-]+)\b/giu,
    when: (text, match) => {
      const word = match[1] ?? '';
      return isPersonWord(word) && !/^(?:the|a|an|it|this|that)$/i.test(word) && !/\bgit blame\b/i.test(text);
    },
  },
  { kind: 'person-as-cause', pattern: /\b(?:is|was|are|were) to blame\b/giu },
  {
    // "because Sara overrode…", "caused by Sam running…", "the root cause was Omar", "traces back to Victor's decision".
    kind: 'person-as-cause',
    pattern: /\b(?:because|caused by|the result of|(?:the )?(?:root )?cause (?:was|is)|traces? back to|lies with|(?:is|was) down to)\b/giu,
    when: (text, match) => personFollows(text, match) && !/\bgit blame\b/i.test(text),
  },
  {
    // Passive: "the failover was botched by the on-call".
    kind: 'person-as-cause',
    pattern: /\b(?:was|were|got) (?:botched|broken|messed up|screwed up|wiped|nuked|taken down|brought down|mangled) by\b/giu,
    when: personFollows,
  },
  {
    kind: 'counterfactual',
    pattern: /\bif\s+(?:only\s+)?(?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?\s+had\b/giu,
    when: (text, match) =>
      match[0]
        .split(/\s+/)
        .slice(1, -1)
        .some((word) => isPersonWord(word, text) && !/^(?:we|it|they)$/i.test(word)),
    notInQuestions: true,
  },
  {
    // Omission framed on a person: "…and still didn't", "didn't even look", "bothered to", "sat on the warnings".
    kind: 'failure-on-person',
    pattern:
      /\b(?:still (?:didn['’]t|did not|hasn['’]t|has not|haven['’]t)|(?:didn['’]t|did not) even|bother(?:ed|s)? to|sat on (?:the|it|them|this|those)|did nothing|instead of (?:investigating|checking|fixing|escalating|reading|looking|testing|asking|waiting|following|reviewing))\b/giu,
    when: (text, match) => subjectIsSomeoneElse(text, match) || personEarlierInSentence(text, match),
  },
  {
    kind: 'tribal-blame',
    pattern: /\b(?:like (?:they|he|she|you) always do(?:es)?|(?:once|yet) again|predictably|as always)\b/giu,
    when: personInSentence,
  },
  { kind: 'tribal-blame', pattern: /\b(?:don['’]t|do not|never) let (?:the |those |these )?[\p{L}-]+ (?:team|people|folks|guys)\b/giu },
  { kind: 'tribal-blame', pattern: /\b(?:typical(?:ly)? of|as usual|par for the course|usual suspects)\b/giu },
  { kind: 'tribal-blame', pattern: /\btypical [\p{L}-]+(?: team| people| folks)?\b(?=[.!]|$)/giu },
  { kind: 'tribal-blame', pattern: /\b(?:the|those|these) [\p{L}-]+ (?:team|people|folks|guys)(?: always| never| again)\b/giu },
];

/**
 * The rules' spans of `text`, in order, without overlaps; with `rewrites`, each with a checked one-click rewrite
 * where one reads well (a rewrite is checked without rewrites of its own).
 */
export function ruleSpans(text: string, rewrites: boolean): BlameIssue[] {
  const question = text.trim().endsWith('?');
  const issues: BlameIssue[] = [];
  for (const rule of RULES) {
    if (rule.notInQuestions && question) continue;
    // matchAll works on a copy of the pattern: checking a rewrite below runs the same rules while this loop is open.
    for (const match of text.matchAll(rule.pattern)) {
      if (rule.when && !rule.when(text, match)) continue;
      const start = match.index;
      const end = start + match[0].length;
      // A one-click rewrite only where its result blames nobody; otherwise the hint asks a system-level question.
      const candidate = rewrites ? rule.replace?.(match[0]) : undefined;
      const replacement =
        candidate !== undefined && rewriteBlamesNoPerson(text, start, end, candidate, (sentence) => ruleSpans(sentence, false))
          ? candidate
          : undefined;
      issues.push({
        start,
        end,
        kind: rule.kind,
        ...GUIDANCE[rule.kind],
        question: systemQuestion(rule.kind, text, start, end),
        ...(replacement !== undefined ? { replacement } : {}),
      });
    }
  }
  issues.sort((a, b) => a.start - b.start || b.end - a.end);
  return issues.filter((issue, i) => !issues.slice(0, i).some((earlier) => issue.start < earlier.end));
}
