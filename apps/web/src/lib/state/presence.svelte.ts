import type { Awareness } from 'y-protocols/awareness';
import { onPresenceChange, readPeers, type Peer } from '../sync/presence.ts';
import { KeyedCells } from './keyed-cells.svelte.ts';

/**
 * Runs `update` at most once per animation frame, however many times it is asked in between: fifty people's
 * pointers arrive about a thousand times a second, and the screen shows sixty.
 */
function onceAFrame(update: () => void, schedule: Scheduler): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      update();
    });
  };
}

/** Runs a function later: at the next animation frame in a browser. */
export type Scheduler = (run: () => void) => void;
const nextFrame: Scheduler = (run) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 16));

/** No one editing. */
const NOBODY: readonly Peer[] = Object.freeze([]);

/** Whether two lists of editors show the same people the same way. */
function sameEditors(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((peer, i) => {
      const other = b[i]!;
      return peer.clientId === other.clientId && peer.user.name === other.user.name && peer.user.color === other.user.color;
    })
  );
}

/** The other people editing each item, keyed by the item's id. */
function editorsById(peers: readonly Peer[]): Map<string, Peer[]> {
  // A throwaway index handed to the cells, which are the reactive part.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const byId = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (peer.isSelf || peer.editing === null) continue;
    const editors = byId.get(peer.editing);
    if (editors) editors.push(peer);
    else byId.set(peer.editing, [peer]);
  }
  return byId;
}

/**
 * Who is on the board now, kept current from awareness. Each item's editors sit in a cell of their own, so someone
 * moving from one card to another updates those two cards, not every card on the board.
 */
export class PresenceView {
  peers = $state.raw<Peer[]>([]);
  /** Every display name seen on this board since this page opened, first seen first (for names-to-roles). */
  seenNames = $state.raw<string[]>([]);
  readonly #editors = new KeyedCells<readonly Peer[]>(NOBODY, sameEditors);
  readonly #unsubscribe: () => void;

  constructor(awareness: Awareness, schedule: Scheduler = nextFrame) {
    const refresh = () => {
      this.peers = readPeers(awareness);
      const fresh = this.peers
        .map((peer) => peer.user.name.trim())
        .filter((name, i, all) => name && !this.seenNames.includes(name) && all.indexOf(name) === i);
      if (fresh.length) this.seenNames = [...this.seenNames, ...fresh];
      this.#editors.update(editorsById(this.peers));
    };
    refresh();
    this.#unsubscribe = onPresenceChange(awareness, onceAFrame(refresh, schedule));
  }

  /** The other people whose pointer is on this surface now. */
  cursorsOn(surface: 'canvas' | 'fishbone'): Peer[] {
    return this.peers.filter((peer) => !peer.isSelf && peer.cursor?.surface === surface);
  }

  /** The other people editing the given item. */
  editorsOf(id: string): readonly Peer[] {
    return this.#editors.get(id);
  }

  destroy(): void {
    this.#unsubscribe();
  }
}
