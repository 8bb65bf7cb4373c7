import { DOCUMENT_KINDS, type DocumentKind } from '@debrief/model';
import { isPostmortemId } from './ids.ts';

export { DOCUMENT_KINDS, type DocumentKind };

/** The collaboration document name for a post-mortem's document, e.g. `abc…/board`. */
export function documentName(postmortemId: string, kind: DocumentKind): string {
  return `${postmortemId}/${kind}`;
}

/** Splits a document name into id and kind, or null when it names no document we serve. */
export function parseDocumentName(name: string): { postmortemId: string; kind: DocumentKind } | null {
  const [postmortemId, kind, ...rest] = name.split('/');
  if (rest.length > 0 || !postmortemId || !isPostmortemId(postmortemId)) return null;
  const known = DOCUMENT_KINDS.find((k) => k === kind);
  return known ? { postmortemId, kind: known } : null;
}
