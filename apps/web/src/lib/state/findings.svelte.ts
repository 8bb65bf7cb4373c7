import {
  demoteFinding,
  findingStatement,
  mergeFindings,
  moveFinding,
  promoteFinding,
  retypeFinding,
  type Finding,
  type FindingSource,
  type FindingType,
} from '@debrief/model';
import type { DocumentEdits, SharedText } from './document-edits.ts';
import type { FacilitationView } from './facilitation.svelte.ts';

/** The findings (proximate cause, root cause, contributing factors): everyone reads them, the facilitator writes. */
export class FindingsState {
  constructor(
    private readonly view: FacilitationView,
    private readonly findings: DocumentEdits,
  ) {}

  get all(): Finding[] {
    return this.view.findings;
  }

  promote(input: { type: FindingType; statement: string; source?: FindingSource | null; category?: string }): string | null {
    return this.findings.edit((doc, origin) => promoteFinding(doc, input, origin));
  }

  statementText(id: string): SharedText | undefined {
    return this.findings.read((doc) => findingStatement(doc, id));
  }

  /** Changes a finding's type (and, for a contributing factor, its category). */
  retype(id: string, type: FindingType, category?: string): void {
    this.findings.edit((doc, origin) => retypeFinding(doc, id, type, category, origin));
  }

  move(id: string, direction: -1 | 1): void {
    this.findings.edit((doc, origin) => moveFinding(doc, id, direction, origin));
  }

  /** Folds `from` into `into` (sources and actions follow). */
  merge(into: string, from: string): void {
    this.findings.edit((doc, origin) => mergeFindings(doc, into, from, origin));
  }

  demote(id: string): void {
    this.findings.edit((doc, origin) => demoteFinding(doc, id, origin));
  }
}
