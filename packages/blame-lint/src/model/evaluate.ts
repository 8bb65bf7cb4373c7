import type { Example } from './data.ts';

export interface Score {
  count: number;
  precision: number;
  recall: number;
  /** For neutral-only groups (a category of neutral sentences): the share flagged anyway. */
  falseAlarmRate: number;
}

/** Precision and recall of `flag` on the examples, overall and grouped by `by` (author, category). */
export function evaluate(
  examples: readonly Example[],
  flag: (text: string) => boolean,
  by?: (e: Example) => string,
): { all: Score; groups: Map<string, Score> } {
  const tally = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const all = tally();
  const groups = new Map<string, ReturnType<typeof tally>>();
  for (const example of examples) {
    const flagged = flag(example.text);
    const key = flagged ? (example.blaming ? 'tp' : 'fp') : example.blaming ? 'fn' : 'tn';
    all[key]++;
    if (by) {
      const group = groups.get(by(example)) ?? tally();
      group[key]++;
      groups.set(by(example), group);
    }
  }
  const score = (t: ReturnType<typeof tally>): Score => ({
    count: t.tp + t.fp + t.fn + t.tn,
    precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
    falseAlarmRate: t.fp + t.tn === 0 ? 0 : t.fp / (t.fp + t.tn),
  });
  return { all: score(all), groups: new Map([...groups].map(([name, t]) => [name, score(t)])) };
}
