import type * as Y from 'yjs';

/**
 * How a feature state class reaches its document: the session hands each one these, so components never see a
 * Y.Doc. `edit` runs one of the model's write functions as this person (undoable, tracked as theirs) and answers
 * null when the document may not be edited (not loaded yet, a newer schema, or, for the findings document, a
 * participant); `read` picks a live type (a Y.Text to bind to a field).
 */
export interface DocumentEdits {
  /** Whether this person may edit the document now. */
  canEdit(): boolean;
  edit<T>(write: (doc: Y.Doc, origin: symbol) => T): T | null;
  read<T>(pick: (doc: Y.Doc) => T): T;
}

/** The live text behind a collaborative field: handed to LiveText as it is, never read or written by components. */
export type SharedText = Y.Text;
