import type { Migration } from '../schema/versioning.ts';
import { notesMeta } from './shape.ts';

/** Ordered: each entry's version is one more than the previous one's. */
export const notesMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'start counting held notes and reveal rounds',
    up: (doc) => {
      const meta = notesMeta(doc);
      if (typeof meta.get('heldCount') !== 'number') meta.set('heldCount', 0);
      if (typeof meta.get('rounds') !== 'number') meta.set('rounds', 0);
    },
  },
];
