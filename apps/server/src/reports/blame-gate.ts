import { checkBlame } from '@debrief/blame-lint';
import { isLabelStatement, type PublishedStatement } from '@debrief/model';
import type { FlaggedStatement, KeptStatement } from '@debrief/protocol';

/** Publishing was refused: these statements read as blame and were neither reworded, hidden nor kept with a reason. */
export class BlameUnresolvedError extends Error {
  constructor(readonly statements: FlaggedStatement[]) {
    super(`${statements.length} statements read as blame`);
  }
}

/**
 * Sorts what the blame checker flags among the statements about to be published: kept (the facilitator gave a reason
 * now, or gave one for the same words in an earlier version) or unresolved, which blocks publishing.
 */
export function blameGate(
  statements: readonly PublishedStatement[],
  keep: readonly { id: string; reason: string }[],
  keptBefore: readonly KeptStatement[],
): { unresolved: FlaggedStatement[]; kept: KeptStatement[] } {
  const reasons = new Map(keep.map((k) => [k.id, k.reason]));
  const earlier = new Map(keptBefore.map((k) => [k.id, k]));
  const unresolved: FlaggedStatement[] = [];
  const kept: KeptStatement[] = [];
  for (const statement of statements) {
    const issues = checkBlame(statement.text, { label: isLabelStatement(statement) });
    if (issues.length === 0) continue;
    const before = earlier.get(statement.id);
    const reason = reasons.get(statement.id) ?? (before?.text === statement.text ? before.reason : undefined);
    if (reason) kept.push({ ...statement, reason });
    else
      unresolved.push({
        ...statement,
        issues: issues.map(({ start, end, kind, message, suggestion }) => ({ start, end, kind, message, suggestion })),
      });
  }
  return { unresolved, kept };
}
