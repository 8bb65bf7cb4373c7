import { actionWhat, addAction, linkActionFinding, removeAction, updateAction, type ActionPatch, type CorrectiveAction } from '@debrief/model';
import type { DocumentEdits, SharedText } from './document-edits.ts';
import type { FacilitationView } from './facilitation.svelte.ts';

/** Corrective actions: everyone reads them, the facilitator writes them on the board. */
export class ActionsState {
  constructor(
    private readonly view: FacilitationView,
    private readonly findings: DocumentEdits,
  ) {}

  get all(): CorrectiveAction[] {
    return this.view.actions;
  }

  /** Adds an action, linked to a finding when one is given; returns its id. */
  add(findingId?: string): string | null {
    return this.findings.edit((doc, origin) => addAction(doc, findingId ? [findingId] : [], '', origin));
  }

  whatText(id: string): SharedText | undefined {
    return this.findings.read((doc) => actionWhat(doc, id));
  }

  update(id: string, patch: ActionPatch): void {
    this.findings.edit((doc, origin) => updateAction(doc, id, patch, origin));
  }

  /** Links the action to a finding, or unlinks it. */
  link(id: string, findingId: string, linked: boolean): void {
    this.findings.edit((doc, origin) => linkActionFinding(doc, id, findingId, linked, origin));
  }

  remove(id: string): void {
    this.findings.edit((doc, origin) => removeAction(doc, id, origin));
  }
}
