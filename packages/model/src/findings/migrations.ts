import type { Migration } from '../schema/versioning.ts';

/** Ordered: each entry's version is one more than the previous one's. */
export const findingsMigrations: readonly Migration[] = [
  { version: 1, description: 'stamp the schema version', up: () => {} },
];
