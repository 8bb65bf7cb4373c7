import type { FindingSource } from '@debrief/model';

/** Where a finding came from, as its card shows it: words for a reader, and the source to show on the board (if it is still there). */
export interface Provenance {
  text: string;
  source: FindingSource | null;
}
