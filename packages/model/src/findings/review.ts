import * as Y from 'yjs';
import { REVIEW_RECORD } from '../schema/findings-records.ts';
import { readRecord } from '../schema/fields.ts';

/** What the facilitator writes in the Review step for the published report: the review record (schema/findings-records.ts). */
export const reviewMap = (doc: Y.Doc) => doc.getMap<unknown>('review');

/** The live text of a review field. */
export function reviewText(doc: Y.Doc, field: 'impact' | 'lessons'): Y.Text | undefined {
  const value = reviewMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

/** The review fields as plain text. */
export function readReview(doc: Y.Doc): { impact: string; lessons: string } {
  return readRecord(reviewMap(doc), REVIEW_RECORD);
}
