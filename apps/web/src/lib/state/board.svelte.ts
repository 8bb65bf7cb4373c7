import type * as Y from 'yjs';
import {
  categoriesMap,
  citationIndex,
  evidenceKey,
  eventsMap,
  factorsMap,
  fishboneMap,
  metaMap,
  noteThemesMap,
  placementsMap,
  readFishbone,
  readPlacements,
  readMeta,
  readThemes,
  readTimeline,
  rereadTimeline,
  themesMap,
  type BoardMeta,
  type Evidence,
  type FactorNode,
  type Fishbone,
  type Point,
  type Theme,
  type TimelineEvent,
} from '@debrief/model';
import { Citations } from './citations.svelte.ts';
import { shareUnchanged } from './stable.ts';

/** The board document as plain values for the components; each part is re-read when its part changes. */
export class BoardView {
  events = $state.raw<TimelineEvent[]>([]);
  meta = $state.raw<BoardMeta>({ schemaVersion: 0, title: '', incidentAt: '', summary: '', severity: '', services: [], teams: [], impactMinutes: 0 });
  fishbone = $state.raw<Fishbone>({ problem: '', categories: [] });
  themes = $state.raw<Theme[]>([]);
  /** Where each note someone moved sits on the observations canvas, by note id (replaced whole, never changed). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  placements = $state.raw<ReadonlyMap<string, Point>>(new Map());
  readonly #citations = new Citations();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(doc: Y.Doc) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type of the board
    const watch = (types: Y.AbstractType<any>[], refresh: (changes?: Y.YEvent<any>[]) => void) => {
      refresh();
      for (const type of types) {
        type.observeDeep(refresh);
        this.#unsubscribe.push(() => type.unobserveDeep(refresh));
      }
    };
    // A keystroke re-reads only its event; adding or removing one reads them all, and unchanged ones keep their object.
    watch([eventsMap(doc)], (changes?: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      this.events = shareUnchanged(this.events, changes ? rereadTimeline(doc, this.events, changes) : readTimeline(doc));
    });
    watch([metaMap(doc)], () => (this.meta = readMeta(doc)));
    // A keystroke in a factor yields a new object for that factor and its ancestors only; the rest keep theirs.
    watch([fishboneMap(doc), categoriesMap(doc), factorsMap(doc)], () => {
      const next = shareUnchanged(this.fishbone, readFishbone(doc));
      if (next === this.fishbone) return;
      this.fishbone = next;
      this.#citations.update(citationIndex(next));
    });
    watch([themesMap(doc), noteThemesMap(doc)], () => (this.themes = readThemes(doc)));
    watch([placementsMap(doc)], () => (this.placements = readPlacements(doc)));
  }

  /** The factors citing a note or event; a fishbone edit updates only the items whose citations it changed. */
  citing(evidence: Evidence): readonly FactorNode[] {
    return this.#citations.get(evidenceKey(evidence));
  }

  destroy(): void {
    this.#unsubscribe.forEach((off) => off());
  }
}
