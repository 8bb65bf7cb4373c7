import type { FactorNode } from '@debrief/model';
import { KeyedCells } from './keyed-cells.svelte.ts';

const NOTHING_CITES: readonly FactorNode[] = Object.freeze([]);

/** Whether two lists of citing factors show the same thing (the same factors, in order, with the same words). */
function sameCitations(a: readonly FactorNode[], b: readonly FactorNode[]): boolean {
  return a.length === b.length && a.every((factor, i) => factor.id === b[i]!.id && factor.text === b[i]!.text);
}

/**
 * The factors citing each note and event, one reactive cell per cited item, so typing into a factor updates only
 * the item it cites.
 */
export class Citations extends KeyedCells<readonly FactorNode[]> {
  constructor() {
    super(NOTHING_CITES, sameCitations);
  }
}
