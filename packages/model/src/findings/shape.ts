import type * as Y from 'yjs';
import { META_KEY } from '../schema/versioning.ts';

/**
 * The findings document (`<id>/findings`): what only the facilitator writes (participants are read-only).
 * For now it holds only its schema version; phases, the timer, findings and corrective actions come next.
 *
 *   meta: Y.Map { schemaVersion: number }
 */
export const FINDINGS_SCHEMA_VERSION = 1;

/** The findings document's metadata map. */
export function findingsMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}
