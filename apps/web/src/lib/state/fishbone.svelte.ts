import {
  addCategory,
  addFactor,
  canAdd,
  factorText,
  moveCategory,
  moveFactor,
  problemText,
  removeCategory,
  removeFactor,
  renameCategory,
  setFactorEvidence,
  type Evidence,
  type FactorNode,
  type Fishbone,
} from '@debrief/model';
import type { BoardView } from './board.svelte.ts';
import type { DocumentEdits, SharedText } from './document-edits.ts';

/** The fishbone diagram (problem, bones, factors) and every change a person makes to it. */
export class FishboneState {
  constructor(
    private readonly view: BoardView,
    private readonly board: DocumentEdits,
    private readonly refuse: (what: 'factors') => void,
  ) {}

  get diagram(): Fishbone {
    return this.view.fishbone;
  }

  /** The factors citing a note or event. */
  citing(evidence: Evidence): readonly FactorNode[] {
    return this.view.citing(evidence);
  }

  problemText(): SharedText | undefined {
    return this.board.read(problemText);
  }

  factorText(id: string): SharedText | undefined {
    return this.board.read((doc) => factorText(doc, id));
  }

  /** Adds a factor; null when the board cannot take another (this person is told why). */
  addFactor(input: Parameters<typeof addFactor>[1]): string | null {
    if (this.board.canEdit() && this.board.read((doc) => !canAdd(doc, 'factors'))) {
      this.refuse('factors');
      return null;
    }
    return this.board.edit((doc, origin) => addFactor(doc, input, origin));
  }

  moveFactor(id: string, categoryId: string): void {
    this.board.edit((doc, origin) => moveFactor(doc, id, categoryId, origin));
  }

  setEvidence(id: string, evidence: Evidence | null): void {
    this.board.edit((doc, origin) => setFactorEvidence(doc, id, evidence, origin));
  }

  removeFactor(id: string): void {
    this.board.edit((doc, origin) => removeFactor(doc, id, origin));
  }

  addBone(name: string): string | null {
    return this.board.edit((doc, origin) => addCategory(doc, name, origin));
  }

  renameBone(id: string, name: string): void {
    this.board.edit((doc, origin) => renameCategory(doc, id, name, origin));
  }

  moveBone(id: string, direction: -1 | 1): void {
    this.board.edit((doc, origin) => moveCategory(doc, id, direction, origin));
  }

  removeBone(id: string): void {
    this.board.edit((doc, origin) => removeCategory(doc, id, origin));
  }
}
