import type { Migration } from '../schema/versioning.ts';
import { isPhase } from './phases.ts';
import { sessionMap } from './session.ts';
import * as Y from 'yjs';
import { reviewMap } from './review.ts';
import { actionsMap, readFindingIds } from './actions.ts';
import { findingsMap, readSources, sourceEntry } from './findings.ts';

/** Ordered: each entry's version is one more than the previous one's. */
export const findingsMigrations: readonly Migration[] = [
  { version: 1, description: 'stamp the schema version', up: () => {} },
  {
    version: 2,
    description: 'facilitation: start in the timeline phase, boards follow the facilitator',
    up: (doc) => {
      const session = sessionMap(doc);
      if (!isPhase(session.get('phase'))) session.set('phase', 'timeline');
      if (typeof session.get('roam') !== 'boolean') session.set('roam', false);
    },
  },
  {
    version: 3,
    description: 'review: impact and lessons learned for the published report',
    up: (doc) => {
      const review = reviewMap(doc);
      for (const field of ['impact', 'lessons']) if (!(review.get(field) instanceof Y.Text)) review.set(field, new Y.Text());
    },
  },
  {
    version: 4,
    description: 'actions: the findings an action addresses as a Y.Array, not a JSON string (concurrent links merge)',
    up: (doc) => {
      actionsMap(doc).forEach((entry) => {
        if (!(entry instanceof Y.Map)) return;
        const ids = entry.get('findingIds');
        if (!(ids instanceof Y.Array)) entry.set('findingIds', Y.Array.from(readFindingIds(ids)));
      });
    },
  },
  {
    version: 5,
    description: 'findings: what a finding came from as a Y.Array of "kind:id", not a JSON string',
    up: (doc) => {
      findingsMap(doc).forEach((entry) => {
        if (!(entry instanceof Y.Map)) return;
        const sources = entry.get('sources');
        if (!(sources instanceof Y.Array)) entry.set('sources', Y.Array.from(readSources(sources).map(sourceEntry)));
      });
    },
  },
];
