import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTallies, readVoting } from '@debrief/model';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A post-mortem with one revealed note, voting open at the given limit. */
async function votingSession(votesPerPerson = 3) {
  const pm = await createTestPostmortem(server);
  const note = (await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'Alerts were noisy' })).body;
  await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true });
  expect((await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.facilitatorKey, { open: true, votesPerPerson })).status).toBe(200);
  const ballot = (await api(server, 'POST', `/api/postmortems/${pm.id}/ballots`, pm.participantKey)).body.ballot as string;
  const vote = (target: string, method = 'POST', withBallot = ballot) =>
    fetch(`${server.url}/api/postmortems/${pm.id}/votes`, {
      method,
      headers: { authorization: `Bearer ${pm.participantKey}`, 'content-type': 'application/json', 'x-ballot': withBallot },
      body: JSON.stringify({ target }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  return { pm, noteTarget: `note:${note.id}`, ballot, vote };
}

describe('dot voting', () => {
  it('enforces the per-ballot limit on the server, and a vote can be taken back', async () => {
    const { pm, noteTarget, vote } = await votingSession(2);
    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await viewer.notes.synced;

    expect(await vote(noteTarget)).toMatchObject({ status: 201, body: { remaining: 1 } });
    expect(await vote('factor:abcdefgh12345678')).toMatchObject({ status: 201, body: { remaining: 0 } });
    const refused = await vote(noteTarget);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'no_votes_left']);
    // Hammering the API in parallel does not get past the limit either.
    const burst = await Promise.all(Array.from({ length: 10 }, () => vote(noteTarget)));
    expect(burst.every((r) => r.status === 409)).toBe(true);
    await eventually(() => expect(readTallies(viewer.notes.doc).get(noteTarget)).toBe(1));

    expect(await vote(noteTarget, 'DELETE')).toMatchObject({ status: 200, body: { remaining: 1 } });
    expect((await vote(noteTarget, 'DELETE')).status).toBe(404);
    await eventually(() => expect(readTallies(viewer.notes.doc).has(noteTarget)).toBe(false));
    expect(await vote(noteTarget)).toMatchObject({ status: 201, body: { remaining: 0 } });
    viewer.destroy();
  });

  it('counts every ballot, stacks dots, and refuses closed voting, unknown ballots and held notes', async () => {
    const { pm, noteTarget, vote } = await votingSession(3);
    const second = (await api(server, 'POST', `/api/postmortems/${pm.id}/ballots`, pm.facilitatorKey)).body.ballot as string;
    await vote(noteTarget);
    await vote(noteTarget);
    await vote(noteTarget, 'POST', second);
    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await viewer.notes.synced;
    expect(readTallies(viewer.notes.doc).get(noteTarget)).toBe(3);

    expect((await vote(noteTarget, 'POST', 'made-up-ballot')).body.error.code).toBe('wrong_ballot');
    expect((await vote('note:../../x')).status).toBe(400);
    const held = (await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'not yet revealed' })).body;
    expect((await vote(`note:${held.id}`)).status).toBe(404);

    const participantConfig = await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.participantKey, { open: false, votesPerPerson: 3 });
    expect([participantConfig.status, participantConfig.body.error.code]).toEqual([403, 'facilitator_only']);
    expect((await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.facilitatorKey, { open: true, votesPerPerson: 0 })).status).toBe(400);
    await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.facilitatorKey, { open: false, votesPerPerson: 3 });
    await eventually(() => expect(readVoting(viewer.notes.doc)).toEqual({ open: false, votesPerPerson: 3 }));
    expect((await vote(noteTarget)).body.error.code).toBe('voting_closed');
    viewer.destroy();
  });

  it('ignores tallies forged over the socket: the notes document is read-only for everyone', async () => {
    const { pm, noteTarget } = await votingSession(3);
    const forger = connectPerson(server, pm.id, pm.facilitatorKey, 'Forger');
    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await Promise.all([forger.notes.synced, viewer.notes.synced]);
    forger.notes.doc.getMap('votes').set(noteTarget, 99);
    forger.notes.doc.getMap('meta').set('votesPerPerson', 99);
    await new Promise((r) => setTimeout(r, 300));
    expect(readTallies(viewer.notes.doc).has(noteTarget)).toBe(false);
    expect(readVoting(viewer.notes.doc).votesPerPerson).toBe(3);
    forger.destroy();
    viewer.destroy();
  });

  it('keeps ballots anonymous: stored by hash, with no key, name or time', async () => {
    const { pm, ballot, noteTarget, vote } = await votingSession(3);
    await vote(noteTarget);
    const { readFile } = await import('node:fs/promises');
    const file = await readFile(`${server.dataDir}/postmortems/${pm.id}.json`, 'utf8');
    expect(file).not.toContain(ballot);
    const stored = JSON.parse(file) as { ballots: Record<string, string[]> };
    for (const [hash, votes] of Object.entries(stored.ballots)) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Array.isArray(votes)).toBe(true);
    }
  });
});
