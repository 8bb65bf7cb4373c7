import type { BlameKind } from './kinds.ts';

/** The words after a span up to the end of its clause (at most ten), e.g. "double-checked the hostname". */
function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end).split(/[.;:!?,]|\s(?:and|but|because|so|which|while|when)\s/i)[0] ?? '';
  const words = rest.trim().split(/\s+/).filter(Boolean);
  return words.length > 10 ? '' : words.join(' ');
}

const GENERIC: Record<BlameKind, string> = {
  'person-as-cause': 'What let this change through, and what would have caught it earlier?',
  'character-judgement': 'What about the situation made this easy to get wrong?',
  counterfactual: 'What would have made the safe path the easy one at the time?',
  'human-error': 'What made this error easy to make, and hard to catch?',
  'failure-on-person': 'What did the system not do here that it could have?',
  'tribal-blame': 'What condition does this team work under that makes this keep happening?',
  'framed-as-fault': 'What about the system made this outcome possible, and what would have caught it?',
};

/**
 * A system-level question to ask instead of the flagged words: built from the words that follow them where they
 * name the missed step ("Bob should have double-checked the hostname" → "What would have led anyone in that
 * position to have double-checked the hostname?"), otherwise a question for the kind of blame.
 */
export function systemQuestion(kind: BlameKind, text: string, start: number, end: number): string {
  const words = text.slice(start, end).toLowerCase();
  const after = clauseAfter(text, end);
  if (kind === 'counterfactual' && /\bhave$|['’]ve$/.test(words) && after) {
    return /n['’]t|\bnot\b|\bnever\b/.test(words)
      ? `What made it look reasonable, at the time, to have ${after}?`
      : `What would have led anyone in that position to have ${after}?`;
  }
  if (kind === 'failure-on-person' && after) {
    // "failed to update the record", "was supposed to page the owner": the step itself follows.
    if (/\bto$/.test(words)) return `What made it hard to ${after}?`;
    // "missed the alert", "ignored the warning": what was missed follows.
    if (/^(?:ignored|overlooked|missed)$/.test(words)) return `What made ${after} easy to miss?`;
    // "did not check the logs": the verb is the span's last word.
    const verb = /(?:did not|didn['’]t|never) ([\p{L}-]+?)(?:ed)?$/u.exec(words)?.[1];
    if (verb) return `What made it hard to ${verb} ${after}?`;
  }
  return GENERIC[kind];
}
