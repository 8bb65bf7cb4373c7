/**
 * A gentle hint when a finding reads as blame. Deliberately small: the blameless-language checker (its own
 * package, later) replaces this with real analysis.
 */
const BLAME = /\b(human error|operator error|should have|could have|forgot|failed to|careless|negligent|lazy|incompetent|their fault|to blame)\b/i;

/** A nudge toward system-level wording, or null when the statement reads fine. */
export function blameNudge(statement: string): string | null {
  return BLAME.test(statement)
    ? 'This reads as if a person were the cause. Describe the condition of the system instead: what made this possible?'
    : null;
}
