type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Items with an `id` are matched by it, so an insertion or a reorder does not make every later item look new. */
const itemKey = (item: unknown, index: number) => (isPlainObject(item) && typeof item.id === 'string' ? `id:${item.id}` : `at:${index}`);

function shareArray(previous: readonly unknown[], next: unknown[]): unknown[] {
  const before = new Map(previous.map((item, i) => [itemKey(item, i), item]));
  let changed = previous.length !== next.length;
  const result = next.map((item, i) => {
    const kept = shareUnchanged(before.get(itemKey(item, i)), item);
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? result : (previous as unknown[]);
}

function shareObject(previous: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let changed = keys.length !== Object.keys(previous).length;
  const result: Plain = {};
  for (const key of keys) {
    const kept = shareUnchanged(previous[key], next[key]);
    if (kept !== previous[key] || !(key in previous)) changed = true;
    result[key] = kept;
  }
  return changed ? result : previous;
}

/**
 * Returns `next` with every part equal to its counterpart in `previous` replaced by the object it had before
 * (structural sharing over plain objects and arrays). A document re-read after one keystroke then hands the
 * components 199 identical events and one new one, or 59 identical fishbone boxes and one new one, so only that
 * one updates instead of the whole board.
 */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  if (Array.isArray(previous) && Array.isArray(next)) return shareArray(previous, next) as T;
  if (isPlainObject(previous) && isPlainObject(next)) return shareObject(previous, next) as T;
  return next;
}
