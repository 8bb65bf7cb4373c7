import type * as Y from 'yjs';
import { type PhaseId } from './phases.ts';
import { SESSION_RECORD } from '../schema/findings-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';

/** Facilitation state in `<id>/findings` (only the facilitator writes it): the session record (schema/findings-records.ts). */
export interface Timer {
  durationMs: number;
  /** Epoch ms at which a running timer ends; null when paused or not started. */
  endsAt: number | null;
  /** What is left while paused (equals the duration before the first start). */
  remainingMs: number;
}

export interface FacilitationState {
  phase: PhaseId;
  /** When true, people move around freely and the board does not follow the phase. */
  roam: boolean;
  /** When true, every wall shows themes and notes by votes (the facilitator's choice, shared). */
  rankByVotes: boolean;
  timer: Timer;
}

export const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>('session');

/** Reads the facilitation state, with safe defaults. */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const session = readRecord(sessionMap(doc), SESSION_RECORD);
  return {
    phase: session.phase as PhaseId,
    roam: session.roam,
    rankByVotes: session.rankByVotes,
    timer: {
      durationMs: session.timerDurationMs,
      endsAt: session.timerEndsAt > 0 ? session.timerEndsAt : null,
      remainingMs: session.timerRemainingMs,
    },
  };
}

/** Milliseconds left on the timer at `now` (never negative). */
export function timeLeft(timer: Timer, now: number): number {
  return timer.endsAt === null ? Math.max(0, timer.remainingMs) : Math.max(0, timer.endsAt - now);
}

/** Moves the session to a phase. */
export function setPhase(doc: Y.Doc, phase: PhaseId, origin: unknown = null): void {
  doc.transact(() => sessionMap(doc).set('phase', phase), origin);
}

/** Lets people roam freely (or makes boards follow the phase again). */
export function setRankByVotes(doc: Y.Doc, rankByVotes: boolean, origin: unknown = null): void {
  doc.transact(() => writeFields(sessionMap(doc), SESSION_RECORD, { rankByVotes }), origin);
}

export function setRoam(doc: Y.Doc, roam: boolean, origin: unknown = null): void {
  doc.transact(() => sessionMap(doc).set('roam', roam), origin);
}

/** Starts a new timer of the given length, running from `now`. */
export function startTimer(doc: Y.Doc, durationMs: number, now: number, origin: unknown = null): void {
  doc.transact(() => {
    const session = sessionMap(doc);
    session.set('timerDurationMs', durationMs);
    session.set('timerRemainingMs', durationMs);
    session.set('timerEndsAt', now + durationMs);
  }, origin);
}

/** Pauses a running timer, keeping what is left. */
export function pauseTimer(doc: Y.Doc, now: number, origin: unknown = null): void {
  const timer = readFacilitation(doc).timer;
  if (timer.endsAt === null) return;
  doc.transact(() => {
    sessionMap(doc).set('timerRemainingMs', timeLeft(timer, now));
    sessionMap(doc).set('timerEndsAt', 0);
  }, origin);
}

/** Resumes a paused timer. */
export function resumeTimer(doc: Y.Doc, now: number, origin: unknown = null): void {
  const timer = readFacilitation(doc).timer;
  if (timer.endsAt !== null || timer.remainingMs <= 0) return;
  doc.transact(() => sessionMap(doc).set('timerEndsAt', now + timer.remainingMs), origin);
}

/** Adds time to the timer, running or paused (or restarts an expired one with the extra time). */
export function extendTimer(doc: Y.Doc, extraMs: number, now: number, origin: unknown = null): void {
  const timer = readFacilitation(doc).timer;
  doc.transact(() => {
    const session = sessionMap(doc);
    session.set('timerDurationMs', timer.durationMs + extraMs);
    if (timer.endsAt !== null) session.set('timerEndsAt', Math.max(timer.endsAt, now) + extraMs);
    else session.set('timerRemainingMs', timer.remainingMs + extraMs);
  }, origin);
}

/** Clears the timer. */
export function stopTimer(doc: Y.Doc, origin: unknown = null): void {
  doc.transact(() => {
    const session = sessionMap(doc);
    session.set('timerDurationMs', 0);
    session.set('timerRemainingMs', 0);
    session.set('timerEndsAt', 0);
  }, origin);
}
