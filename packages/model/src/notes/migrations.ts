import type { Migration } from '../schema/versioning.ts';
import * as Y from 'yjs';
import { notesMap, notesMeta } from './shape.ts';
import { DEFAULT_VOTES_PER_PERSON } from './votes.ts';

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
  {
    version: 2,
    description: 'dot voting: closed, three votes per person',
    up: (doc) => {
      const meta = notesMeta(doc);
      if (typeof meta.get('votingOpen') !== 'boolean') meta.set('votingOpen', false);
      if (typeof meta.get('votesPerPerson') !== 'number') meta.set('votesPerPerson', DEFAULT_VOTES_PER_PERSON);
    },
  },
  {
    version: 3,
    description: 'moderation: revealed notes can be hidden or paraphrased by the facilitator; reveals are timed',
    up: (doc) => {
      notesMap(doc).forEach((note) => {
        if (note instanceof Y.Map && typeof note.get('moderation') !== 'string') note.set('moderation', '');
      });
      const meta = notesMeta(doc);
      if (typeof meta.get('lastRevealAt') !== 'number') meta.set('lastRevealAt', 0);
      if (typeof meta.get('lastSmallRevealAt') !== 'number') meta.set('lastSmallRevealAt', 0);
    },
  },
];
