import type { CreatePostmortemResponse } from '@debrief/protocol';

/**
 * Links this browser keeps so nobody has to hunt for them: the links of a post-mortem just created, in this tab
 * until the facilitator says they are saved (a reload must not lose the only copy of the facilitator link), and
 * the participant link of each post-mortem this browser created, so its facilitator can share it from the board.
 */

const PENDING_KEY = 'debrief:created-links';
const PARTICIPANT_KEY = 'debrief:participant-links';

/** A creation whose links the facilitator has not confirmed saving yet. */
export interface PendingLinks {
  created: CreatePostmortemResponse;
  title: string;
}

function read<T>(storage: Storage, key: string): T | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return parsed && typeof parsed === 'object' ? (parsed as T) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Without storage the links are shown once, as before.
  }
}

export function pendingLinks(): PendingLinks | null {
  const pending = read<PendingLinks>(sessionStorage, PENDING_KEY);
  return pending && typeof pending.created?.facilitatorUrl === 'string' && typeof pending.title === 'string' ? pending : null;
}

export function keepPendingLinks(pending: PendingLinks): void {
  write(sessionStorage, PENDING_KEY, pending);
  rememberParticipantLink(pending.created.id, pending.created.participantUrl);
}

export function confirmLinksSaved(): void {
  try {
    sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The participant link this browser knows for a post-mortem it created (or replaced the links of), or null. */
export function participantLink(postmortemId: string): string | null {
  const links = read<Record<string, unknown>>(localStorage, PARTICIPANT_KEY) ?? {};
  const link = links[postmortemId];
  return typeof link === 'string' ? link : null;
}

export function rememberParticipantLink(postmortemId: string, link: string): void {
  write(localStorage, PARTICIPANT_KEY, { ...(read<Record<string, string>>(localStorage, PARTICIPANT_KEY) ?? {}), [postmortemId]: link });
}

/** Forgets a deleted post-mortem's participant link. */
export function forgetParticipantLink(postmortemId: string): void {
  const { [postmortemId]: _forgotten, ...rest } = read<Record<string, string>>(localStorage, PARTICIPANT_KEY) ?? {};
  write(localStorage, PARTICIPANT_KEY, rest);
}
