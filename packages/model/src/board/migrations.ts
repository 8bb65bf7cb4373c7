import type { Migration } from '../schema/versioning.ts';
import { metaMap } from './shape.ts';

/** Ordered: each entry's version is one more than the previous one's. */
export const boardMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'stamp the schema version and fill missing incident facts',
    up: (doc) => {
      const meta = metaMap(doc);
      for (const key of ['title', 'incidentAt', 'summary']) {
        if (typeof meta.get(key) !== 'string') meta.set(key, '');
      }
    },
  },
];
