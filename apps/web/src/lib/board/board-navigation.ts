import { getContext, setContext } from 'svelte';
import type { SourceKind } from '@debrief/model';

const KEY = Symbol('board-navigation');

/** Something on the board a finding can come from, to be shown where it lives. */
export interface BoardTarget {
  kind: SourceKind;
  id: string;
}

/** Where each kind of thing lives: its view, and how its element is found there. */
export const TARGET_PLACES: Record<SourceKind, { view: 'timeline' | 'notes' | 'factors'; selector: (id: string) => string }> = {
  event: { view: 'timeline', selector: (id) => `[data-event-id="${CSS.escape(id)}"]` },
  note: { view: 'notes', selector: (id) => `[data-note-id="${CSS.escape(id)}"]` },
  theme: { view: 'notes', selector: (id) => `[data-theme-id="${CSS.escape(id)}"]` },
  factor: { view: 'factors', selector: (id) => `[data-factor-id="${CSS.escape(id)}"]` },
};

/** The board lets what it holds open another view on one of its items (a finding's source, say). */
export function provideBoardNavigation(show: (target: BoardTarget) => void): void {
  setContext(KEY, show);
}

/** Opens the view that holds the target and brings it into sight (nothing outside a board). */
export function boardNavigation(): (target: BoardTarget) => void {
  return getContext<((target: BoardTarget) => void) | undefined>(KEY) ?? (() => undefined);
}
