import { getContext, setContext, tick } from 'svelte';
import type { SourceKind } from '@debrief/model';

const KEY = Symbol('board-navigation');

/** Something on the board a finding can come from, to be shown where it lives. */
export interface BoardTarget {
  kind: SourceKind;
  id: string;
}

type TargetView = 'timeline' | 'notes' | 'factors';

/** Where each kind of thing lives: its view, and how its element is found there. */
const TARGET_PLACES: Record<SourceKind, { view: TargetView; selector: (id: string) => string }> = {
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

/**
 * Opens the target's view (through `openView`), then scrolls to it, focuses it and marks it for a moment. A view
 * opened for the first time is built over a few frames (a long wall progressively), so the element is waited for.
 */
export async function showTarget({ kind, id }: BoardTarget, openView: (view: TargetView) => void): Promise<void> {
  const place = TARGET_PLACES[kind];
  openView(place.view);
  let element: HTMLElement | null = null;
  for (let frame = 0; frame < 60 && !element; frame++) {
    await tick();
    element = document.querySelector<HTMLElement>(`#panel-${place.view} ${place.selector(id)}`);
    if (!element) await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.classList.add('shown-source');
  setTimeout(() => element.classList.remove('shown-source'), 2_000);
}
