import type * as Y from 'yjs';
import {
  actionsMap,
  findingsMap,
  readActions,
  readFacilitation,
  readFindings,
  readReview,
  reviewMap,
  sessionMap,
  type CorrectiveAction,
  type FacilitationState,
  type Finding,
} from '@debrief/model';

/**
 * The facilitator's document (`<id>/findings`) as plain values: phase, timer, findings and actions. Only the
 * facilitator's browser writes it (the server drops anyone else's writes); everyone reads it live.
 */
export class FacilitationView {
  state = $state.raw<FacilitationState>({
    phase: 'timeline',
    roam: false,
    rankByVotes: false,
    timer: { durationMs: 0, endsAt: null, remainingMs: 0 },
  });
  findings = $state.raw<Finding[]>([]);
  actions = $state.raw<CorrectiveAction[]>([]);
  /** Impact and lessons learned, live for everyone (the facilitator types them in the Review step). */
  review = $state.raw({ impact: '', lessons: '' });
  readonly #off: (() => void)[] = [];

  constructor(readonly doc: Y.Doc) {
    const watch = (type: Y.Map<unknown> | Y.Map<Y.Map<unknown>>, refresh: () => void) => {
      refresh();
      type.observeDeep(refresh);
      this.#off.push(() => type.unobserveDeep(refresh));
    };
    watch(sessionMap(doc), () => (this.state = readFacilitation(doc)));
    watch(findingsMap(doc), () => (this.findings = readFindings(doc)));
    watch(actionsMap(doc), () => (this.actions = readActions(doc)));
    watch(reviewMap(doc) as Y.Map<unknown>, () => (this.review = readReview(doc)));
  }

  destroy(): void {
    this.#off.forEach((off) => off());
  }
}
