import { getContext, setContext } from 'svelte';
import type { BoardSession } from './session.svelte.ts';

const KEY = Symbol('debrief-session');

/** Makes one board's session, and through it each feature's state, available to every component inside the board. */
export function provideSession(session: BoardSession): void {
  setContext(KEY, session);
}

/** This board's session: connection, role, presence, undo. Components reach features through the helpers below. */
export function useSession(): BoardSession {
  const session = getContext<BoardSession | undefined>(KEY);
  if (!session) throw new Error('useSession() outside a board: provideSession() was not called by an ancestor.');
  return session;
}

export const useTimeline = () => useSession().timeline;
export const useFishbone = () => useSession().fishbone;
export const useThemes = () => useSession().themes;
export const useNotes = () => useSession().notes;
export const useVotes = () => useSession().votes;
export const useFindings = () => useSession().findings;
export const useActions = () => useSession().actions;
export const useReview = () => useSession().review;
export const usePhases = () => useSession().phases;
