import type * as Y from 'yjs';
import { eventsMap, metaMap, readMeta, readTimeline, type BoardMeta, type TimelineEvent } from '@debrief/model';

/** The board document as plain values for the components; re-read on every change to the document. */
export class BoardView {
  events = $state.raw<TimelineEvent[]>([]);
  meta = $state.raw<BoardMeta>({ schemaVersion: 0, title: '', incidentAt: '', summary: '' });
  readonly #unsubscribe: () => void;

  constructor(doc: Y.Doc) {
    const refreshEvents = () => {
      this.events = readTimeline(doc);
    };
    const refreshMeta = () => {
      this.meta = readMeta(doc);
    };
    refreshEvents();
    refreshMeta();
    eventsMap(doc).observeDeep(refreshEvents);
    metaMap(doc).observe(refreshMeta);
    this.#unsubscribe = () => {
      eventsMap(doc).unobserveDeep(refreshEvents);
      metaMap(doc).unobserve(refreshMeta);
    };
  }

  destroy(): void {
    this.#unsubscribe();
  }
}
