import type { Awareness } from 'y-protocols/awareness';
import { onPresenceChange, readPeers, type Peer } from '../sync/presence.ts';

/** Who is on the board now, kept current from awareness. */
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
    return this.peers.filter((peer) => !peer.isSelf && peer.editing === eventId);
  }

  destroy(): void {
    this.#unsubscribe();
  }
}
