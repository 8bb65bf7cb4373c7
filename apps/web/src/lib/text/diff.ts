/** One contiguous replacement that turns `before` into `after`. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single splice between two strings (common prefix and suffix kept). An input event changes one
 * region, so this is exact for typing, pasting and deleting, and keeps concurrent edits elsewhere intact.
 */
export function spliceBetween(before: string, after: string): TextSplice | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end++;
  }
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** A Yjs text delta, as in `YTextEvent.delta`. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where a caret at `position` ends up after someone else's change. Text inserted exactly at the caret goes
 * after it, so another person typing where you stand never pushes your cursor.
 */
export function transformPosition(position: number, delta: TextDelta): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (index >= result) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      result += length;
      index += length;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, result - index);
    }
  }
  return result;
}
