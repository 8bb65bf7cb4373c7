import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '@debrief/protocol';

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
}

/** One person currently on the board, as seen by this browser. */
export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

/** Announces this browser's user. */
export function announce(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalState({ user, editing: null } satisfies PresenceState);
}

/** Says which event this browser is editing (null when none). */
export function setEditing(awareness: Awareness, eventId: string | null): void {
  if (awareness.getLocalState()?.editing !== eventId) awareness.setLocalStateField('editing', eventId);
}

function isPresenceState(value: unknown): value is PresenceState {
  const state = value as PresenceState | null;
  return typeof state?.user?.name === 'string' && typeof state.user.color === 'string';
}

/** Everyone present, self first, then facilitators, then by name. Malformed states from others are ignored. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (!isPresenceState(state)) return;
    peers.push({
      clientId,
      isSelf: clientId === awareness.clientID,
      user: {
        name: state.user.name.slice(0, 60),
        color: /^#[0-9a-f]{6}$/i.test(state.user.color) ? state.user.color : '#888888',
        role: state.user.role === 'facilitator' ? 'facilitator' : 'participant',
      },
      editing: typeof state.editing === 'string' ? state.editing : null,
    });
  });
  const rank = (p: Peer) => (p.isSelf ? 0 : p.user.role === 'facilitator' ? 1 : 2);
  return peers.sort((a, b) => rank(a) - rank(b) || a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
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
