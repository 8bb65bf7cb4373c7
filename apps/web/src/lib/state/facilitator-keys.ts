const STORAGE_KEY = 'debrief:facilitator-keys';

/**
 * Facilitator keys this browser has opened, by post-mortem id, so the Actions page can offer follow-up on
 * exactly those post-mortems. The same keys are in this browser's history and bookmarks already.
 */
export function facilitatorKeys(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Remembers a facilitator key for a post-mortem. */
export function rememberFacilitatorKey(postmortemId: string, key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...facilitatorKeys(), [postmortemId]: key }));
  } catch {
    // Without storage, follow-up needs the facilitator link again.
  }
}

/** Forgets the facilitator key of a post-mortem (it was deleted), so follow-up no longer asks for it. */
export function forgetFacilitatorKey(postmortemId: string): void {
  try {
    const { [postmortemId]: _forgotten, ...rest } = facilitatorKeys();
    localStorage.setItem(STORAGE_KEY, JSON.stringify(rest));
  } catch {
    // Without storage there is nothing kept.
  }
}
