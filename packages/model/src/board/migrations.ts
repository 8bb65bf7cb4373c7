import * as Y from 'yjs';
import { newId } from '../ids.ts';
import type { Migration } from '../schema/versioning.ts';
import { categoriesMap, DEFAULT_CATEGORIES, fishboneMap } from './fishbone.ts';
import { frameUnframedThemes } from './canvas.ts';
import { eventsMap, metaMap } from './shape.ts';

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
  {
    version: 2,
    description: 'add the fishbone (problem statement from the title, default system-level bones) and themes',
    up: (doc) => {
      const fishbone = fishboneMap(doc);
      if (!(fishbone.get('problem') instanceof Y.Text)) {
        const title = metaMap(doc).get('title');
        fishbone.set('problem', new Y.Text(typeof title === 'string' ? title : ''));
      }
      if (categoriesMap(doc).size === 0) {
        DEFAULT_CATEGORIES.forEach((name, index) => {
          const id = newId();
          const entry = new Y.Map<unknown>();
          entry.set('id', id);
          entry.set('name', name);
          entry.set('order', index + 1);
          categoriesMap(doc).set(id, entry);
        });
      }
    },
  },
  {
    version: 3,
    description: 'canvas: each theme becomes a frame (in a row, as the wall listed them) with its notes inside it',
    up: (doc) => frameUnframedThemes(doc),
  },
  {
    version: 4,
    description: 'markers: a decision point becomes the "decision" marker; the incident gets lists of services and teams',
    up: (doc) => {
      eventsMap(doc).forEach((event) => {
        if (!(event instanceof Y.Map)) return;
        if (event.get('decision') === true && !event.get('marker')) event.set('marker', 'decision');
        event.delete('decision');
      });
      const meta = metaMap(doc);
      for (const key of ['services', 'teams']) if (!(meta.get(key) instanceof Y.Array)) meta.set(key, new Y.Array<string>());
    },
  },
];
