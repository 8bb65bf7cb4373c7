import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvent, eventText, readNotes, readTimeline } from '@debrief/model';
import { api, connectPerson, createTestPostmortem, eventually, type TestPerson } from './testing/server-harness.ts';
import { freshDatabase, serviceAvailable, TEST_DATABASE_URL, TEST_REDIS_URL } from './testing/services.ts';
import { startServer, type ServerProcess } from '@debrief/testing/spawn-server';

const available =
  (await serviceAvailable('PostgreSQL', TEST_DATABASE_URL, 'the two-instance tests')) &&
  (await serviceAvailable('Redis', TEST_REDIS_URL, 'the two-instance tests'));

describe.skipIf(!available)('two server processes over one PostgreSQL, joined through Redis', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  const people: TestPerson[] = [];
  const ws = (server: ServerProcess) => ({ wsUrl: `${server.url.replace('http', 'ws')}/collab` });

  beforeAll(async () => {
    database = await freshDatabase();
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL };
    [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
  }, 60_000);
  afterAll(async () => {
    for (const person of people) person.destroy();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('edits live across instances, and a note held on one is revealed by a request to the other', { timeout: 60_000 }, async () => {
    const pm = await createTestPostmortem(a, 'Two instances');
    const alice = connectPerson(ws(a), pm.id, pm.participantKey, 'Alice');
    const bob = connectPerson(ws(b), pm.id, pm.participantKey, 'Bob');
    people.push(alice, bob);
    await Promise.all([alice.board.synced, bob.board.synced, alice.notes.synced, bob.notes.synced]);

    // Live editing: Alice on A, Bob on B, same text, both ways.
    const id = addEvent(alice.board.doc, { at: '2026-11-01T14:02:00.000Z', what: 'Primary failed over' });
    await eventually(() => expect(readTimeline(bob.board.doc).map((e) => e.what)).toEqual(['Primary failed over']), 10_000);
    eventText(bob.board.doc, id, 'known')?.insert(0, 'Replica lag was hidden');
    await eventually(() => expect(readTimeline(alice.board.doc)[0]?.known).toBe('Replica lag was hidden'), 10_000);

    // Held state is shared: submitted through A, counted everywhere, released by B.
    const note = await api(a, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'Alerts went to an old channel' });
    expect(note.status).toBe(201);
    const reveal = await api(b, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true });
    expect(reveal.body).toEqual({ revealed: 1 });
    for (const person of [alice, bob]) {
      await eventually(() => expect(readNotes(person.notes.doc).map((n) => n.text)).toEqual(['Alerts went to an old channel']), 10_000);
    }
    // The author edits it through B with the secret A handed out.
    const edit = await api(
      b,
      'PATCH',
      `/api/postmortems/${pm.id}/notes/${note.body.id}`,
      pm.participantKey,
      { text: 'Alerts went to a retired channel' },
      note.body.secret,
    );
    expect(edit.status).toBe(204);
    await eventually(() => expect(readNotes(alice.notes.doc)[0]?.text).toBe('Alerts went to a retired channel'), 10_000);
  });

  it('closes, on every instance, the connections that used links the facilitator just replaced', { timeout: 30_000 }, async () => {
    const pm = await createTestPostmortem(a, 'Leaked link');
    const bob = connectPerson(ws(b), pm.id, pm.participantKey, 'Bob');
    people.push(bob);
    await bob.board.synced;
    expect((await api(a, 'POST', `/api/postmortems/${pm.id}/keys`, pm.facilitatorKey)).status).toBe(200);
    await eventually(() => expect(bob.board.refused).toBe('wrong_key'), 15_000);
    expect((await api(b, 'GET', `/api/postmortems/${pm.id}`, pm.participantKey)).status).toBe(403);
  });

  it('closes, on every instance, the connections to a post-mortem deleted through another', { timeout: 30_000 }, async () => {
    const pm = await createTestPostmortem(a, 'Deleted elsewhere');
    const bob = connectPerson(ws(b), pm.id, pm.participantKey, 'Bob');
    people.push(bob);
    await bob.board.synced;
    expect((await api(a, 'DELETE', `/api/postmortems/${pm.id}`, pm.facilitatorKey)).status).toBe(204);
    await eventually(() => expect(bob.board.refused).toBe('deleted'), 15_000);
    expect((await api(b, 'GET', `/api/postmortems/${pm.id}`, pm.facilitatorKey)).status).toBe(410);
  });

  it(
    'keeps every edit when one instance is killed mid-session and comes back: its clients resync, nothing is lost',
    { timeout: 60_000 },
    async () => {
      const pm = await createTestPostmortem(b, 'Instance dies');
      const alice = connectPerson(ws(a), pm.id, pm.participantKey, 'Alice');
      const bob = connectPerson(ws(b), pm.id, pm.participantKey, 'Bob');
      people.push(alice, bob);
      await Promise.all([alice.board.synced, bob.board.synced]);
      addEvent(alice.board.doc, { at: '2026-11-01T14:00:00.000Z', what: 'Written on A' });
      await eventually(() => expect(readTimeline(bob.board.doc)).toHaveLength(1), 10_000);
      await a.kill();
      addEvent(alice.board.doc, { at: '2026-11-01T14:10:00.000Z', what: 'Written while A was down' });
      await a.start();
      await eventually(() => expect(readTimeline(bob.board.doc).map((e) => e.what)).toEqual(['Written on A', 'Written while A was down']), 20_000);
      // And it is durable: stop both (saving), start again, read it back.
      await Promise.all([a.restart(), b.restart()]);
      const reader = connectPerson(ws(b), pm.id, pm.participantKey, 'Reader');
      people.push(reader);
      await reader.board.synced;
      expect(readTimeline(reader.board.doc).map((e) => e.what)).toEqual(['Written on A', 'Written while A was down']);
    },
  );
});
