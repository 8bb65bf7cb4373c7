import * as Y from 'yjs';

/**
 * What the facilitator writes in the Review step for the published report (in `<id>/findings`):
 *   review: Y.Map { impact: Y.Text, lessons: Y.Text }
 */
export const reviewMap = (doc: Y.Doc) => doc.getMap<unknown>('review');

/** The live text of a review field. */
export function reviewText(doc: Y.Doc, field: 'impact' | 'lessons'): Y.Text | undefined {
  const value = reviewMap(doc).get(field);
  return value instanceof Y.Text ? value : undefined;
}

/** The review fields as plain text. */
export function readReview(doc: Y.Doc): { impact: string; lessons: string } {
  return { impact: reviewText(doc, 'impact')?.toString() ?? '', lessons: reviewText(doc, 'lessons')?.toString() ?? '' };
}
