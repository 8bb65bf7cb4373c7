import type * as Y from 'yjs';
import {
  categoriesMap,
  eventsMap,
  factorsMap,
  fishboneMap,
  metaMap,
  noteThemesMap,
  readFishbone,
  readMeta,
  readThemes,
  readTimeline,
  themesMap,
  type BoardMeta,
  type Fishbone,
  type Theme,
  type TimelineEvent,
} from '@debrief/model';
import { keepUnchanged } from './stable.ts';

/** The board document as plain values for the components; each part is re-read when its part changes. */
export class BoardView {
  events = $state.raw<TimelineEvent[]>([]);
  meta = $state.raw<BoardMeta>({ schemaVersion: 0, title: '', incidentAt: '', summary: '' });
  fishbone = $state.raw<Fishbone>({ problem: '', categories: [] });
  themes = $state.raw<Theme[]>([]);
  readonly #unsubscribe: (() => void)[] = [];

  constructor(doc: Y.Doc) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type of the board
    const watch = (types: Y.AbstractType<any>[], refresh: () => void) => {
      refresh();
      for (const type of types) {
        type.observeDeep(refresh);
        this.#unsubscribe.push(() => type.unobserveDeep(refresh));
      }
    };
    watch([eventsMap(doc)], () => (this.events = keepUnchanged(this.events, readTimeline(doc))));
    watch([metaMap(doc)], () => (this.meta = readMeta(doc)));
    watch([fishboneMap(doc), categoriesMap(doc), factorsMap(doc)], () => (this.fishbone = readFishbone(doc)));
    watch([themesMap(doc), noteThemesMap(doc)], () => (this.themes = readThemes(doc)));
  }

  destroy(): void {
    this.#unsubscribe.forEach((off) => off());
  }
}
