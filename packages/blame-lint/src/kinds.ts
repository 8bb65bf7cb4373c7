/** The kinds of blame the checker recognises. */
export type BlameKind =
  | 'person-as-cause'
  | 'character-judgement'
  | 'counterfactual'
  | 'human-error'
  | 'failure-on-person'
  | 'tribal-blame'
  /** The learned model read fault in the sentence as a whole (sarcasm, a name, a role) where no rule places it. */
  | 'framed-as-fault';

/** One flagged span: character offsets into the checked text, why it reads as blame, and a better way to say it. */
export interface BlameIssue {
  start: number;
  end: number;
  kind: BlameKind;
  message: string;
  suggestion: string;
  /** A system-level question to ask instead, e.g. "What made the two hosts easy to confuse?". */
  question: string;
  /** Neutral words that can replace the span in one click: only where the rewritten sentence blames nobody. */
  replacement?: string;
}

/** The explanation and the system-level reframe for each kind. */
export const GUIDANCE: Record<BlameKind, { message: string; suggestion: string }> = {
  'person-as-cause': {
    message: 'This names a person as the cause. A blameless review asks what about the system made this possible.',
    suggestion:
      'Describe the change and what let it through, e.g. "A config with a bad pool size reached production because the deploy has no validation step."',
  },
  'character-judgement': {
    message: 'This judges a person’s character. It explains nothing about the system and stops people from speaking up.',
    suggestion: 'Describe the conditions instead: what made the mistake easy to make, or hard to notice?',
  },
  counterfactual: {
    message: 'Hindsight: “should have” judges a decision by an outcome nobody knew at the time.',
    suggestion:
      'Say what was known then and what made the other path hard, e.g. "The dashboard did not show replica lag, so the failover looked safe."',
  },
  'human-error': {
    message: '“Human error” ends the inquiry where it should begin.',
    suggestion: 'Ask what made the error possible: the interface, the defaults, a missing safeguard or check.',
  },
  'failure-on-person': {
    message: 'This frames the failure as a person’s omission rather than a gap in the system.',
    suggestion: 'Say what the system did or did not support, e.g. "The alert was not routed to anyone on call" instead of "X failed to notice".',
  },
  'framed-as-fault': {
    message: 'This sentence reads as putting fault on a person or a group, even without a telltale word.',
    suggestion:
      'Say what happened and what in the system allowed it, e.g. "The deploy went out on Friday evening because nothing in the pipeline holds releases before a weekend."',
  },
  'tribal-blame': {
    message: 'Generalising about a team blames a group and hides the specific condition.',
    suggestion: 'Describe the specific condition that this team works under, e.g. "Schema changes have no review step."',
  },
};
