import {
  adjacentPhase,
  extendTimer,
  pauseTimer,
  resumeTimer,
  setPhase,
  setRankByVotes,
  setRoam,
  startTimer,
  stopTimer,
  type FacilitationState,
} from '@debrief/model';
import type { DocumentEdits } from './document-edits.ts';
import type { FacilitationView } from './facilitation.svelte.ts';

/** The session record: which phase the room is in, whether people may roam, the shared timer and ranking. */
export class PhasesState {
  constructor(
    private readonly view: FacilitationView,
    private readonly findings: DocumentEdits,
  ) {}

  get current(): FacilitationState {
    return this.view.state;
  }

  /** Moves everyone to the next (1) or previous (-1) phase. */
  step(direction: -1 | 1): void {
    this.findings.edit((doc, origin) => setPhase(doc, adjacentPhase(this.view.state.phase, direction), origin));
  }

  /** Shows everyone's wall by votes, most first (or back in board order). */
  setRankByVotes(on: boolean): void {
    this.findings.edit((doc, origin) => setRankByVotes(doc, on, origin));
  }

  setRoam(roam: boolean): void {
    this.findings.edit((doc, origin) => setRoam(doc, roam, origin));
  }

  startTimer(durationMs: number): void {
    this.findings.edit((doc, origin) => startTimer(doc, durationMs, Date.now(), origin));
  }

  pauseTimer(): void {
    this.findings.edit((doc, origin) => pauseTimer(doc, Date.now(), origin));
  }

  resumeTimer(): void {
    this.findings.edit((doc, origin) => resumeTimer(doc, Date.now(), origin));
  }

  extendTimer(extraMs: number): void {
    this.findings.edit((doc, origin) => extendTimer(doc, extraMs, Date.now(), origin));
  }

  stopTimer(): void {
    this.findings.edit((doc, origin) => stopTimer(doc, origin));
  }
}
