/** True when the event's target is somewhere people type, where single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** True for a single-letter shortcut: the key alone, no modifier, not typed into a field. */
export function isPlainShortcut(event: KeyboardEvent, key: string): boolean {
  return event.key.toLowerCase() === key && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}
