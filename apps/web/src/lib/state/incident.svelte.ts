import { updateIncident, type BoardMeta } from '@debrief/model';
import type { BoardView } from './board.svelte.ts';
import type { DocumentEdits } from './document-edits.ts';

/** The incident's title, time and summary (the board's metadata). */
export class IncidentState {
  constructor(
    private readonly view: BoardView,
    private readonly board: DocumentEdits,
  ) {}

  get meta(): BoardMeta {
    return this.view.meta;
  }

  update(patch: Parameters<typeof updateIncident>[1]): void {
    this.board.edit((doc, origin) => updateIncident(doc, patch, origin));
  }
}
