import { reviewText } from '@debrief/model';
import type { DocumentEdits, SharedText } from './document-edits.ts';
import type { FacilitationView } from './facilitation.svelte.ts';

export type ReviewField = 'impact' | 'lessons';

/** The Review step's impact and lessons learned: typed by the facilitator, live for everyone. */
export class ReviewState {
  constructor(
    private readonly view: FacilitationView,
    private readonly findings: DocumentEdits,
  ) {}

  get values(): { impact: string; lessons: string } {
    return this.view.review;
  }

  /**
   * The live text of a field. Read again whenever the review changes: the field's text exists only once the
   * facilitator first types in it, and participants must see it appear.
   */
  text(field: ReviewField): SharedText | undefined {
    void this.view.review;
    return this.findings.read((doc) => reviewText(doc, field));
  }
}
