import { addIncidentTag, removeIncidentTag, setIncidentDetails, updateIncident, type BoardMeta, type IncidentTagList } from '@debrief/model';
import type { BoardView } from './board.svelte.ts';
import type { DocumentEdits } from './document-edits.ts';

/** The incident's title, time, summary and details (severity, services, teams, impact): the board's metadata. */
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

  setDetails(patch: Parameters<typeof setIncidentDetails>[1]): void {
    this.board.edit((doc, origin) => setIncidentDetails(doc, patch, origin));
  }

  /** False when the name was empty, already there, or the list is full. */
  addTag(list: IncidentTagList, name: string): boolean {
    return this.board.edit((doc, origin) => addIncidentTag(doc, list, name, origin)) ?? false;
  }

  removeTag(list: IncidentTagList, name: string): void {
    this.board.edit((doc, origin) => removeIncidentTag(doc, list, name, origin));
  }
}
