let held = false;

// Watched from the start: a press that moves focus away reaches this module only after its pointerdown.
window.addEventListener('pointerdown', () => (held = true), true);
for (const type of ['pointerup', 'pointercancel'] as const) window.addEventListener(type, () => (held = false), true);

/**
 * Runs `change` once no pointer is pressed: at once, or just after the press in progress ends. A layout change made
 * between a press and its release (a row collapsing when focus leaves it) would move what was pressed from under
 * the pointer, and the click would land elsewhere or nowhere.
 */
export function afterPointerRelease(change: () => void): void {
  if (!held) return change();
  const release = () => {
    window.removeEventListener('pointerup', release, true);
    window.removeEventListener('pointercancel', release, true);
    // After the click that follows the release has been dispatched.
    setTimeout(change, 0);
  };
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}
