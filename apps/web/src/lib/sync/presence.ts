import type { Awareness } from 'y-protocols/awareness';
import { parsePresence, type PresenceCursor, type Role } from '@debrief/protocol';

/** Who someone is on the board; shown to everyone in the session. */
export interface PresenceUser {
  name: string;
  color: string;
  role: Role;
}

/** What someone is doing right now. Composing an anonymous note (later) must never be announced here. */
export interface PresenceState {
  user: PresenceUser;
  /** The timeline event whose fields have this person's focus, or null. */
  editing: string | null;
  /** Their pointer on the canvas or the fishbone; absent or null when idle or elsewhere. */
  cursor?: PresenceCursor | null;
}

/** One person currently on the board, as seen by this browser. */
export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

/** Announces this browser's user. */
export function announce(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalState({ user, editing: null } satisfies PresenceState);
  keepOwnState(awareness);
}

/** Awareness instances whose own state keepOwnState looks after. */
const kept = new WeakSet<Awareness>();

/**
 * y-protocols takes a remote update of this browser's own client id when its clock is higher, and would then renew
 * it every 15 s as this browser's. The server drops such updates (apps/server/src/collab/presence-guard.ts); should
 * one arrive anyway, this browser announces its own state (or its absence) again, at a clock above the forged one.
 */
function keepOwnState(awareness: Awareness): void {
  if (kept.has(awareness)) return;
  kept.add(awareness);
  let own = awareness.getLocalState();
  awareness.on('update', (changes: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
    if (!Object.values(changes).some((ids) => ids.includes(awareness.clientID))) return;
    const current = awareness.getLocalState();
    // This browser sets its state with origin 'local', and only it can remove it (y-protocols ignores remote removals).
    if (origin === 'local' || current === null) own = current;
    else if (current !== own) awareness.setLocalState(own);
  });
}

/** Says which event this browser is editing (null when none). */
export function setEditing(awareness: Awareness, eventId: string | null): void {
  if (awareness.getLocalState()?.editing !== eventId) awareness.setLocalStateField('editing', eventId);
}

/** Checked states, by state object: awareness replaces a state when it changes, so an unchanged one is checked once. */
const checked = new WeakMap<object, ReturnType<typeof parsePresence>>();

function parsedPresence(value: unknown): ReturnType<typeof parsePresence> {
  if (typeof value !== 'object' || value === null) return parsePresence(value);
  let state = checked.get(value);
  if (state === undefined) checked.set(value, (state = parsePresence(value)));
  return state;
}

/**
 * Everyone present, self first, then facilitators, then by name. States that are not presence states as the server
 * checks them (packages/protocol/src/presence.ts) are ignored.
 */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((value, clientId) => {
    const state = parsedPresence(value);
    if (state)
      peers.push({
        clientId,
        isSelf: clientId === awareness.clientID,
        user: state.user,
        editing: state.editing,
        ...(state.cursor ? { cursor: state.cursor } : {}),
      });
  });
  const rank = (p: Peer) => (p.isSelf ? 0 : p.user.role === 'facilitator' ? 1 : 2);
  return peers.sort((a, b) => rank(a) - rank(b) || a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** Shows this browser's pointer on a shared surface to everyone, or (null) stops showing it. */
export function setCursor(awareness: Awareness, cursor: PresenceCursor | null): void {
  const current = awareness.getLocalState()?.cursor ?? null;
  if (current === null && cursor === null) return;
  awareness.setLocalStateField('cursor', cursor);
}

/** Listens for presence changes; returns the unsubscribe function. */
export function onPresenceChange(awareness: Awareness, listener: () => void): () => void {
  awareness.on('change', listener);
  return () => awareness.off('change', listener);
}

/** Changes the name or colour everyone sees for this browser. */
export function updateUser(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
}
