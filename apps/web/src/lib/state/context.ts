import { getContext, setContext } from 'svelte';
import type { BoardSession } from './session.svelte.ts';

const KEY = Symbol('debrief-session');

/** Makes one board's session, and through it each feature's state, available to every component inside the board. */
export function provideSession(session: BoardSession): void {
  setContext(KEY, session);
}

/** This board's session: connection, role, presence, undo, and each feature's state (`session.timeline`, …). */
export function useSession(): BoardSession {
  const session = getContext<BoardSession | undefined>(KEY);
  if (!session) throw new Error('useSession() outside a board: provideSession() was not called by an ancestor.');
  return session;
}
