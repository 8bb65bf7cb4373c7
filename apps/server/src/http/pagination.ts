import { ApiError } from './errors.ts';

/** Where an item sorts: compared part by part. */
export type SortKey = readonly (string | number)[];

/** How a list is ordered: each item's key, and which parts of it sort descending. Keys must tell every item apart. */
export interface Order<T> {
  key(item: T): SortKey;
  descending?: readonly boolean[];
}

/** How many items a page holds when the request does not say, and at most. */
export interface PageSize {
  default: number;
  max: number;
}

/** `?limit=&cursor=`: a page's size, and the key of the last item of the page before (null for the first page). */
export interface PageRequest {
  limit: number;
  after: SortKey | null;
}

export interface PageQuery {
  limit?: string;
  cursor?: string;
}

/** Text compares as people read it, then by code unit, so two different strings never compare equal. */
function compareParts(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x.localeCompare(y) || (x < y ? -1 : 1);
}

export function compareKeys(a: SortKey, b: SortKey, descending: readonly boolean[] = []): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = compareParts(a[i], b[i]);
    if (order !== 0) return descending[i] ? -order : order;
  }
  return 0;
}

/** A sorted copy. Each key is made once, not at every comparison: lists run to tens of thousands of items. */
export function sortBy<T>(items: readonly T[], order: Order<T>): T[] {
  const keyed = items.map((item) => ({ item, key: order.key(item) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, order.descending));
  return keyed.map(({ item }) => item);
}

const CURSOR_MAX_LENGTH = 4_096;

const isKey = (value: unknown): value is SortKey =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.length <= 8 &&
  value.every((part) => (typeof part === 'string' && part.length <= 1_000) || (typeof part === 'number' && Number.isFinite(part)));

/** Reads `limit` and `cursor`; anything else than a size within bounds and a cursor this server gave is a 400. */
export function pageRequest(query: PageQuery, size: PageSize): PageRequest {
  const { limit, cursor } = query;
  let pageLimit = size.default;
  if (limit !== undefined) {
    pageLimit = /^\d{1,7}$/.test(limit) ? Number(limit) : 0;
    if (pageLimit < 1 || pageLimit > size.max) throw new ApiError(400, 'bad_request', `limit must be a whole number from 1 to ${size.max}`);
  }
  if (cursor === undefined || cursor === '') return { limit: pageLimit, after: null };
  let after: unknown = null;
  try {
    if (cursor.length <= CURSOR_MAX_LENGTH) after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not one of ours: refused below.
  }
  if (!isKey(after)) throw new ApiError(400, 'bad_request', 'cursor must be the `next` value of an earlier page');
  return { limit: pageLimit, after };
}

/**
 * The page of `sorted` (in `order`) that `request` asks for, and the cursor of the page after it (null on the last).
 * The cursor is the last item's key, not a position, so items added or removed meanwhile shift no page.
 */
export function page<T>(sorted: readonly T[], order: Order<T>, request: PageRequest): { items: T[]; next: string | null } {
  let start = 0;
  if (request.after) {
    const after = request.after;
    // The first item sorting after the cursor's key.
    let end = sorted.length;
    while (start < end) {
      const middle = (start + end) >>> 1;
      if (compareKeys(order.key(sorted[middle]!), after, order.descending) <= 0) start = middle + 1;
      else end = middle;
    }
  }
  const items = sorted.slice(start, start + request.limit);
  const last = items.at(-1);
  const more = start + items.length < sorted.length;
  return { items, next: more && last ? Buffer.from(JSON.stringify(order.key(last))).toString('base64url') : null };
}
