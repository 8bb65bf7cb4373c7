import { GUIDANCE, type BlameIssue, type BlameKind } from './kinds.ts';
import { isPersonWord, personBefore } from './subject.ts';

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

const subjectIsPerson = (text: string, match: RegExpExecArray) => personBefore(text, match.index);
/** "We" as a subject is the team speaking about itself: not a person being blamed for an omission. */
const subjectIsSomeoneElse = (text: string, match: RegExpExecArray) =>
  personBefore(text, match.index) && !/\bwe\s+(?:[\p{L}'’-]+\s+)?$/iu.test(text.slice(0, match.index));

const RULES: Rule[] = [
  {
    kind: 'human-error',
    pattern: /\b(?:human|operator|user|engineer|developer|pilot|admin) (?:errors?|mistakes?)\b/giu,
    replace: () => 'a gap in our safeguards',
  },
  {
    kind: 'character-judgement',
    pattern: /\b(?:careless(?:ly|ness)?|lazy|laziness|sloppy|sloppiness|incompeten(?:t|ce)|negligen(?:t|tly|ce)|reckless(?:ly|ness)?|stupid(?:ity)?|dumb|clueless|irresponsib(?:le|ly|ility)|inattentive|idiot(?:ic)?|amateurish|lazily|cowboy|unprofessional|thoughtless(?:ly)?|lack of (?:care|attention|diligence|discipline|competence)|asleep at the wheel)\b/giu,
  },
  {
    kind: 'counterfactual',
    pattern: /\b(?:should|could|would|must|ought to)(?:n't| not| never)? have\b|\b(?:should|could|would)(?:n't)?'ve\b/giu,
    when: subjectIsPerson,
    // "X should have checked" states what happened instead: "X had not checked" ("should not have" → "had").
    replace: (words) => (/n't|\bnot\b|\bnever\b/i.test(words) ? 'had' : 'had not'),
    notInQuestions: true,
  },
  { kind: 'counterfactual', pattern: /\bif only\b/giu, notInQuestions: true },
  {
    // "Had Alice read the runbook, we would not have…": hindsight about what a person did not do.
    kind: 'counterfactual',
    pattern: /\bhad\s+((?:[\p{L}'’-]+\s+){1,4}?)[\p{L}-]+\b[^.;]*?\b(?:we|it|this|they|the \w+|[\p{L}]+) (?:would|could)(?:n't| not)? have\b/giu,
    when: (_text, match) => match[0].split(/[\s,]+/).slice(1, 4).some((word) => isPersonWord(word)),
    notInQuestions: true,
  },
  {
    kind: 'failure-on-person',
    pattern: /\b(?:failed to|forgot to|forgot about|neglected to|ignored|overlooked|missed|dropped the ball|(?:was|were) supposed to|(?:was|were)n't paying attention|(?:was|were) not paying attention|(?:did not|didn't|never) (?:bother|notice|check|follow|test|verify|review|read|wait|ask|tell|escalate|communicate|look|update|double-check|confirm)(?:ed)?)\b/giu,
    when: subjectIsSomeoneElse,
  },
  {
    kind: 'person-as-cause',
    pattern: /\b(?:broke|caused|crashed|took down|brought down|screwed up|messed up|botched|blew up|nuked|pushed (?:a |the )?(?:broken|bad|faulty|buggy|wrong)|deployed (?:a |the )?(?:broken|bad|faulty|buggy|wrong)|introduced (?:the|a) (?:bug|outage|regression)|fat-fingered|made (?:a|an|the) (?:mistake|error|blunder|bad call)|is responsible for the (?:outage|incident)|was responsible for the (?:outage|incident))\b/giu,
    when: subjectIsSomeoneElse,
  },
  {
    kind: 'person-as-cause',
    pattern: /\b([\p{L}-]+)['’]s (?:mistake|fault|error|blunder|screw-?up|oversight|negligence|bad call|failure)\b/giu,
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
  { kind: 'tribal-blame', pattern: /\b(?:typical(?:ly)? of|as usual|par for the course|usual suspects)\b/giu },
  { kind: 'tribal-blame', pattern: /\btypical [\p{L}-]+(?: team| people| folks)?\b(?=[.!]|$)/giu },
  { kind: 'tribal-blame', pattern: /\b(?:the|those|these) [\p{L}-]+ (?:team|people|folks|guys)(?: always| never| again)\b/giu },
];

/** The spans of `text` that carry blame, in order, without overlaps. */
export function checkBlame(text: string): BlameIssue[] {
  const question = text.trim().endsWith('?');
  const issues: BlameIssue[] = [];
  for (const rule of RULES) {
    if (rule.notInQuestions && question) continue;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (rule.when && !rule.when(text, match)) continue;
      const replacement = rule.replace?.(match[0]);
      issues.push({
        start: match.index,
        end: match.index + match[0].length,
        kind: rule.kind,
        ...GUIDANCE[rule.kind],
        ...(replacement !== undefined ? { replacement } : {}),
      });
    }
  }
  issues.sort((a, b) => a.start - b.start || b.end - a.end);
  return issues.filter((issue, i) => !issues.slice(0, i).some((earlier) => issue.start < earlier.end));
}

/** True when the text carries blame anywhere. */
export function isBlaming(text: string): boolean {
  return checkBlame(text).length > 0;
}
