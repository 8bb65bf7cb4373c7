// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { watchKeys } from './watch-keys.test-support.svelte.ts';
import type { FactorNode } from '@debrief/model';
import { Citations } from './citations.svelte.ts';

const factor = (id: string, text: string): FactorNode => ({
  id,
  text,
  categoryId: 'c',
  parentId: null,
  order: 0,
  depth: 0,
  evidence: null,
  children: [],
});
const index = (entries: [string, FactorNode[]][]) => new Map(entries);

describe('citations, one reactive cell per note or event', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  /** Items shown on the board, each counting how often it had to look at its citations again. */
  function board(citations: Citations, keys: string[]) {
    const watched = watchKeys(keys, (key) =>
      citations
        .get(key)
        .map((f) => f.text)
        .join(', '),
    );
    stops.push(watched.stop);
    return watched;
  }

  it('updates only the items whose citations changed, not the items nothing cites', () => {
    const citations = new Citations();
    citations.update(index([['event:a', [factor('f1', 'No canary')]]]));
    const { reads, shown } = board(citations, ['event:a', 'note:b', 'note:c']);
    expect(shown.get('event:a')).toBe('No canary');

    // Typing into the factor that cites event a: a fresh index with new objects everywhere.
    citations.update(index([['event:a', [factor('f1', 'No canary stage')]]]));
    flushSync();
    expect(shown.get('event:a')).toBe('No canary stage');
    expect(reads.get('event:a')).toBe(2);
    expect(reads.get('note:b')).toBe(1);
    expect(reads.get('note:c')).toBe(1);

    // Typing into a factor that cites nothing: the same citations, nothing runs again.
    citations.update(index([['event:a', [factor('f1', 'No canary stage')]]]));
    flushSync();
    expect([...reads.values()]).toEqual([2, 1, 1]);
  });

  it('follows a citation that is added, moved to another item, and removed', () => {
    const citations = new Citations();
    const { reads, shown } = board(citations, ['event:a', 'note:b']);
    citations.update(index([['note:b', [factor('f2', 'Alert noise')]]]));
    flushSync();
    expect(shown.get('note:b')).toBe('Alert noise');
    citations.update(index([['event:a', [factor('f2', 'Alert noise'), factor('f5', 'No diff')]]]));
    flushSync();
    expect(shown.get('note:b')).toBe('');
    expect(shown.get('event:a')).toBe('Alert noise, No diff');
    citations.update(index([]));
    flushSync();
    expect(shown.get('event:a')).toBe('');
    // Once at the start, once when note b was first cited (the only time uncited items wake), then cited, uncited.
    expect(reads.get('event:a')).toBe(4);
  });

  it('gives an item first read inside a derived the citations it already has', () => {
    const citations = new Citations();
    citations.update(index([['note:z', [factor('f9', 'Pager fatigue')]]]));
    let text = '';
    stops.push(
      $effect.root(() => {
        const cited = $derived(citations.get('note:z'));
        $effect(() => {
          text = cited.map((f) => f.text).join(', ');
        });
      }),
    );
    flushSync();
    expect(text).toBe('Pager fatigue');
  });
});
