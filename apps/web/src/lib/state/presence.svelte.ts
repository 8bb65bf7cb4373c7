import type { Awareness } from 'y-protocols/awareness';
import { onPresenceChange, readPeers, type Peer } from '../sync/presence.ts';

/** Who is on the board now, kept current from awareness. */
/** No one editing. */
const NOBODY: Peer[] = [];

export class PresenceView {
  peers = $state.raw<Peer[]>([]);
  readonly #unsubscribe: () => void;

  constructor(awareness: Awareness) {
    const refresh = () => {
      this.peers = readPeers(awareness);
    };
    refresh();
    this.#unsubscribe = onPresenceChange(awareness, refresh);
  }

  /** The other people editing the given event. */
  editorsOf(eventId: string): Peer[] {
    const editors = this.peers.filter((peer) => !peer.isSelf && peer.editing === eventId);
    // The same empty list every time, so an event nobody edits does not update when presence changes.
    return editors.length > 0 ? editors : NOBODY;
  }

  destroy(): void {
    this.#unsubscribe();
  }
}
