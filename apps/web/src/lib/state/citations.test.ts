import { describe, expect, it } from 'vitest';
import type { FactorNode } from '@debrief/model';
import { syncCitations } from './citations.ts';

const factor = (id: string, text: string): FactorNode => ({ id, text, categoryId: 'c', parentId: null, order: 0, depth: 0, evidence: null, children: [] });

describe('syncCitations', () => {
  it('writes only the entries whose citing factors changed, and removes the ones no longer cited', () => {
    const shown = new Map<string, readonly FactorNode[]>();
    syncCitations(shown, new Map([['event:a', [factor('f1', 'No canary')]], ['note:b', [factor('f2', 'Alert noise')]], ['note:c', [factor('f3', 'Runbook')]]]));
    const [a, b] = [shown.get('event:a'), shown.get('note:b')];
    const writes: string[] = [];
    const set = shown.set.bind(shown);
    shown.set = (key, value) => (writes.push(key), set(key, value));

    // A fresh read: new objects everywhere, one factor's words changed, one citation gone, one new.
    syncCitations(shown, new Map([['event:a', [factor('f1', 'No canary')]], ['note:b', [factor('f2', 'Alert noise at night')]], ['event:d', [factor('f4', 'Pager')]]]));
    expect(writes).toEqual(['note:b', 'event:d']);
    expect(shown.get('event:a')).toBe(a);
    expect(shown.get('note:b')).not.toBe(b);
    expect(shown.get('note:b')?.[0]?.text).toBe('Alert noise at night');
    expect(shown.has('note:c')).toBe(false);
  });

  it('notices a factor added to an item already cited', () => {
    const shown = new Map<string, readonly FactorNode[]>([['event:a', [factor('f1', 'No canary')]]]);
    syncCitations(shown, new Map([['event:a', [factor('f1', 'No canary'), factor('f5', 'No diff')]]]));
    expect(shown.get('event:a')?.map((f) => f.id)).toEqual(['f1', 'f5']);
  });
});
