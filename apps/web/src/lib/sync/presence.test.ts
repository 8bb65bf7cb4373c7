import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { announce, readPeers, setEditing, updateUser } from './presence.ts';

const alice = { name: 'Alice', color: '#aa0000', role: 'facilitator' } as const;

/** An awareness update as anyone may send it, for any client id and clock. */
function forged(clientId: number, clock: number, state: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const sender = new Awareness(doc);
  sender.setLocalState(state as Record<string, unknown>);
  sender.meta.set(clientId, { clock, lastUpdated: 0 });
  const update = encodeAwarenessUpdate(sender, [clientId]);
  sender.destroy();
  return update;
}

describe('readPeers', () => {
  it('lists only states that are presence states, self first, then facilitators, then by name', () => {
    const ours = new Awareness(new Y.Doc());
    announce(ours, { name: 'Zoe', color: '#123456', role: 'participant' });
    const deliver = (clientId: number, state: unknown) => applyAwarenessUpdate(ours, forged(clientId, 1, state), 'remote');
    deliver(11, { user: { name: 'Bob', color: '#336699', role: 'participant' }, editing: 'e1', extra: 'ignored' });
    deliver(12, { user: alice });
    deliver(13, {});
    deliver(14, { user: { name: 'Mallory', color: 'url(javascript:x)', role: 'participant' }, editing: null });
    deliver(15, { user: { name: 'M'.repeat(61), color: '#336699', role: 'participant' }, editing: null });
    deliver(16, { user: { name: 'Trent', color: '#336699', role: 'admin' }, editing: null });
    expect(readPeers(ours)).toEqual([
      { clientId: ours.clientID, isSelf: true, user: { name: 'Zoe', color: '#123456', role: 'participant' }, editing: null },
      { clientId: 12, isSelf: false, user: alice, editing: null },
      { clientId: 11, isSelf: false, user: { name: 'Bob', color: '#336699', role: 'participant' }, editing: 'e1' },
    ]);
    ours.destroy();
  });
});

describe('this browser’s own presence', () => {
  it('is announced again, above a forged clock, when someone else’s update for its client id arrives', () => {
    const ours = new Awareness(new Y.Doc());
    const sent: unknown[] = [];
    ours.on('update', ({ updated }: { updated: number[] }, origin: unknown) => {
      if (origin === 'local' && updated.includes(ours.clientID)) sent.push(ours.getStates().get(ours.clientID));
    });
    announce(ours, alice);
    setEditing(ours, 'e1');
    updateUser(ours, { ...alice, name: 'Alice B.' });
    const own = { user: { ...alice, name: 'Alice B.' }, editing: 'e1' };
    expect(ours.getLocalState()).toEqual(own);
    sent.length = 0;

    const clock = ours.meta.get(ours.clientID)!.clock;
    applyAwarenessUpdate(ours, forged(ours.clientID, clock + 10, { user: { ...alice, name: 'Alice (I caused this)' }, editing: null }), 'remote');
    expect(ours.getLocalState()).toEqual(own);
    expect(ours.meta.get(ours.clientID)!.clock).toBe(clock + 11);
    // What the provider sends on: our own state, at the higher clock, so everyone who took the forgery drops it.
    expect(sent).toEqual([own]);
    const elsewhere = new Awareness(new Y.Doc());
    applyAwarenessUpdate(elsewhere, forged(ours.clientID, clock + 10, { user: alice, editing: null }), 'remote');
    applyAwarenessUpdate(elsewhere, encodeAwarenessUpdate(ours, [ours.clientID]), 'remote');
    expect(elsewhere.getStates().get(ours.clientID)).toEqual(own);

    // Its own changes still go out as they are.
    setEditing(ours, null);
    expect(ours.getLocalState()).toEqual({ ...own, editing: null });
    ours.destroy();
    elsewhere.destroy();
  });

  it('stays removed when this browser removed it', () => {
    const ours = new Awareness(new Y.Doc());
    announce(ours, alice);
    ours.setLocalState(null);
    const clock = ours.meta.get(ours.clientID)!.clock;
    applyAwarenessUpdate(ours, forged(ours.clientID, clock + 5, { user: alice, editing: null }), 'remote');
    expect(ours.getLocalState()).toBeNull();
    expect(ours.meta.get(ours.clientID)!.clock).toBe(clock + 6);
    ours.destroy();
  });
});
