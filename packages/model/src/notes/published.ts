import type * as Y from 'yjs';
import { readField, writeFields } from '../schema/fields.ts';
import { NOTES_META_RECORD } from '../schema/notes-records.ts';
import { notesMeta } from './shape.ts';

/**
 * The latest published report version, told to everyone on the board (0 before the first). It lives in the notes
 * document because only the server writes there: nobody can announce a report that was not published.
 */
export function publishedVersion(doc: Y.Doc): number {
  return readField(NOTES_META_RECORD.fields.publishedVersion, notesMeta(doc).get('publishedVersion')) as number;
}

/** Server only: records that `version` was published. */
export function writePublishedVersion(doc: Y.Doc, version: number): void {
  doc.transact(() => writeFields(notesMeta(doc), NOTES_META_RECORD, { publishedVersion: version }));
}
