/** How the revealed notes are shown: on the canvas, or as a list (in reading order, for screen readers and phones). */
export type NotesLayout = 'canvas' | 'list';

const STORAGE_KEY = 'debrief.notes-layout';
/** Below this width a canvas shows too little to arrange notes on; phones get the list unless someone asks. */
const CANVAS_MIN_WIDTH = '(min-width: 48rem)';

/** The layout this browser last chose, else the canvas on a screen wide enough for one. */
export function preferredNotesLayout(): NotesLayout {
  try {
    const chosen = localStorage.getItem(STORAGE_KEY);
    if (chosen === 'canvas' || chosen === 'list') return chosen;
  } catch {
    // Storage may be blocked (private modes); the screen decides then.
  }
  return typeof matchMedia === 'function' && matchMedia(CANVAS_MIN_WIDTH).matches ? 'canvas' : 'list';
}

/** Remembers a choice for every board this browser opens. */
export function rememberNotesLayout(layout: NotesLayout): void {
  try {
    localStorage.setItem(STORAGE_KEY, layout);
  } catch {
    // Not remembered; the choice still holds until the page is left.
  }
}
