import type * as Y from 'yjs';
import { META_KEY } from '../schema/versioning.ts';

/**
 * The findings document (`<id>/findings`): what only the facilitator writes (participants are read-only).
 *   meta:     Y.Map { schemaVersion: number }
 *   session:  the phase, roaming and the timer (session.ts)
 *   findings: formal findings (findings.ts)
 *   actions:  corrective actions (actions.ts)
 *   review:   impact and lessons learned for the report (review.ts)
 */
export const FINDINGS_SCHEMA_VERSION = 5;

/** The findings document's metadata map. */
export function findingsMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}
