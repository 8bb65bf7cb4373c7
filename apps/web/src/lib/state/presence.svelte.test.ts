// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { watchKeys } from './watch-keys.test-support.svelte.ts';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { announce, setEditing } from '../sync/presence.ts';
import { PresenceView } from './presence.svelte.ts';

/** Another browser in the session, whose presence reaches ours the way the provider delivers it. */
function remote(ours: Awareness, name: string) {
  const theirs = new Awareness(new Y.Doc());
  const deliver = () => applyAwarenessUpdate(ours, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
  announce(theirs, { name, color: '#336699', role: 'participant' });
  deliver();
  return {
    edit(id: string | null) {
      setEditing(theirs, id);
      deliver();
    },
    destroy: () => theirs.destroy(),
  };
}

describe('presence, read once a frame', () => {
  it('reads the peers once however many updates arrive before the frame', () => {
    const ours = new Awareness(new Y.Doc());
    announce(ours, { name: 'Alice', color: '#aa0000', role: 'facilitator' });
    const frames: (() => void)[] = [];
    const presence = new PresenceView(ours, (run) => frames.push(run));
    const bob = remote(ours, 'Bob');
    for (const id of ['e1', 'e2', 'e3', 'e4']) bob.edit(id);
    expect(frames).toHaveLength(1);
    expect(presence.peers.map((peer) => peer.user.name)).toEqual(['Alice']);
    frames.shift()!();
    expect(presence.peers.map((peer) => [peer.user.name, peer.editing])).toEqual([
      ['Alice', null],
      ['Bob', 'e4'],
    ]);
    bob.edit(null);
    expect(frames).toHaveLength(1);
    presence.destroy();
    bob.destroy();
    ours.destroy();
  });
});

describe('presence, the editors of each item in a cell of its own', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  /** Cards on the board, each counting how often it had to look at its editors again. */
  function cards(presence: PresenceView, ids: string[]) {
    const watched = watchKeys(ids, (id) =>
      presence
        .editorsOf(id)
        .map((peer) => peer.user.name)
        .join(', '),
    );
    stops.push(watched.stop);
    return watched;
  }

  it('updates only the cards someone moves between, and never shows this browser as an editor', () => {
    const ours = new Awareness(new Y.Doc());
    announce(ours, { name: 'Alice', color: '#aa0000', role: 'facilitator' });
    const presence = new PresenceView(ours, (run) => run());
    const bob = remote(ours, 'Bob');
    stops.push(() => (presence.destroy(), bob.destroy(), ours.destroy()));
    const { reads, shown } = cards(presence, ['e1', 'e2', 'e3']);

    bob.edit('e1');
    flushSync();
    expect(shown.get('e1')).toBe('Bob');
    bob.edit('e2');
    flushSync();
    expect(shown.get('e1')).toBe('');
    expect(shown.get('e2')).toBe('Bob');
    // The first edit of a card makes its cell, and every card without one looks once more. From then on, moving
    // between cards runs only the two cards involved.
    const before = [...reads.values()];
    bob.edit('e1');
    flushSync();
    expect(shown.get('e1')).toBe('Bob');
    expect(shown.get('e2')).toBe('');
    expect([...reads.values()]).toEqual([before[0]! + 1, before[1]! + 1, before[2]]);

    // Our own focus changes awareness too, but shows nowhere.
    setEditing(ours, 'e3');
    flushSync();
    expect(shown.get('e3')).toBe('');
    expect(reads.get('e3')).toBe(before[2]);

    bob.edit(null);
    flushSync();
    expect([...shown.values()]).toEqual(['', '', '']);
    expect(presence.peers.map((peer) => peer.user.name)).toEqual(['Alice', 'Bob']);
  });

  it('lists two people editing one card', () => {
    const ours = new Awareness(new Y.Doc());
    announce(ours, { name: 'Alice', color: '#aa0000', role: 'facilitator' });
    const presence = new PresenceView(ours, (run) => run());
    const bob = remote(ours, 'Bob');
    const carol = remote(ours, 'Carol');
    stops.push(() => (presence.destroy(), bob.destroy(), carol.destroy(), ours.destroy()));
    const { shown } = cards(presence, ['e1']);
    bob.edit('e1');
    carol.edit('e1');
    flushSync();
    expect(shown.get('e1')).toBe('Bob, Carol');
  });
});
