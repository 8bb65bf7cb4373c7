import { isTypingTarget } from './shortcuts.ts';

/** Which history Ctrl+Z works on: the board's, the findings', or (in a plain field) the browser's own. */
export type UndoScope = 'board' | 'findings' | 'native';

/**
 * Chosen by focus: a live field says which document it edits (`data-undo-scope`, set by LiveText); any other field
 * (a note draft, an owner, a name) keeps the browser's own undo; anywhere else on the board, the board's history.
 */
export function undoScopeOf(target: EventTarget | null): UndoScope {
  const marked = target instanceof Element ? target.closest('[data-undo-scope]')?.getAttribute('data-undo-scope') : null;
  if (marked === 'board' || marked === 'findings') return marked;
  return isTypingTarget(target) ? 'native' : 'board';
}
