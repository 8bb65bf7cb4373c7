import type { SimilarIncident } from '@debrief/protocol';
import type { BoardSession } from '../../../state/session.svelte.ts';

/**
 * Published incidents like this board's, asked of the server again whenever what it compares changes (the board's
 * services, the bones its factors sit on), once the changes stop for a moment. Create while a component initialises.
 */
export class SimilarIncidentsQuery {
  items = $state.raw<SimilarIncident[]>([]);

  constructor(session: BoardSession) {
    const basis = $derived(
      JSON.stringify([session.incident.meta.services, session.fishbone.diagram.categories.filter((c) => c.factors.length > 0).map((c) => c.name)]),
    );
    $effect(() => {
      void basis;
      let cancelled = false;
      // Typing a service is several changes in a row: ask once they stop.
      const timer = setTimeout(() => {
        session
          .similarIncidents()
          .then((found) => {
            if (!cancelled) this.items = found;
          })
          .catch(() => undefined);
      }, 800);
      return () => {
        cancelled = true;
        clearTimeout(timer);
      };
    });
  }
}
