/** Whether two plain records hold the same values (one level deep, as read from a Yjs map). */
function sameValues(a: object, b: object): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/**
 * Returns `next` with every item that did not change replaced by the object it had before. A document re-read
 * after one keystroke then hands the list's components 199 identical objects and one new one, so only that one
 * component updates instead of the whole board.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const result = next.map((item, i) => {
    const old = before.get(item.id);
    const kept = old && sameValues(old, item) ? old : item;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? result : (previous as T[]);
}
