import type * as Y from 'yjs';
import { META_KEY } from '../schema/versioning.ts';

/**
 * The findings document (`<id>/findings`): what only the facilitator writes (participants are read-only). Its
 * records (meta, session, finding, action, review) are declared in schema/findings-records.ts.
 */
export const FINDINGS_SCHEMA_VERSION = 5;

/** The findings document's metadata map. */
export function findingsMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}
