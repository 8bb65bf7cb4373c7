import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldCount, readNotes } from '@debrief/model';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const notesPath = (id: string) => `/api/postmortems/${id}/notes`;

describe('notes API', () => {
  it('submits a note with any valid key and answers 201 {id, secret}', async () => {
    const pm = await createTestPostmortem(server);
    const asParticipant = await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'Paging went to an old rota', color: 'pink' });
    expect(asParticipant.status).toBe(201);
    expect(asParticipant.body.id).toMatch(/^[0-9a-z]{16}$/);
    expect(asParticipant.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const asFacilitator = await api(server, 'POST', notesPath(pm.id), pm.facilitatorKey, { text: 'Dashboards lag by 5 minutes' });
    expect(asFacilitator.status).toBe(201);
  });

  it('refuses bad bodies, missing and wrong keys and unknown post-mortems with JSON errors', async () => {
    const pm = await createTestPostmortem(server);
    const cases: [ReturnType<typeof api>, number, string][] = [
      [api(server, 'POST', notesPath(pm.id), pm.participantKey, {}), 400, 'bad_request'],
      [api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'x'.repeat(1001) }), 400, 'bad_request'],
      [api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'x', color: 'red; drop' }), 400, 'bad_request'],
      [api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'x', eventId: '../../x' }), 400, 'bad_request'],
      [api(server, 'POST', notesPath(pm.id), null, { text: 'x' }), 401, 'missing_key'],
      [api(server, 'POST', notesPath(pm.id), 'k'.repeat(43), { text: 'x' }), 403, 'wrong_key'],
      [api(server, 'POST', notesPath('zzzzzzzzzzzzzzzz'), pm.participantKey, { text: 'x' }), 404, 'not_found'],
    ];
    for (const [call, status, code] of cases) {
      const { status: actual, body } = await call;
      expect([actual, body.error.code]).toEqual([status, code]);
    }
  });

  it('lets only the author edit and withdraw, held or revealed', async () => {
    const pm = await createTestPostmortem(server);
    const note = (await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'first draft' })).body;
    const other = (await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'someone else' })).body;
    const path = `${notesPath(pm.id)}/${note.id}`;

    expect((await api(server, 'PATCH', path, pm.participantKey, { text: 'hijack' }, other.secret)).status).toBe(403);
    expect((await api(server, 'PATCH', path, pm.participantKey, { text: 'hijack' })).body.error.code).toBe('wrong_secret');
    expect((await api(server, 'PATCH', path, pm.facilitatorKey, { text: 'hijack' }, 'x'.repeat(43))).status).toBe(403);
    expect((await api(server, 'PATCH', path, pm.participantKey, { text: 'better wording' }, note.secret)).status).toBe(204);
    expect((await api(server, 'PATCH', path, pm.participantKey, {}, note.secret)).status).toBe(400);
    expect((await api(server, 'PATCH', `${notesPath(pm.id)}/nonexistent00000`, pm.participantKey, { text: 'x' }, note.secret)).status).toBe(404);
    expect((await api(server, 'PATCH', `${notesPath(pm.id)}/..%2F..`, pm.participantKey, { text: 'x' }, note.secret)).status).toBe(404);

    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await viewer.notes.synced;
    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey)).body).toEqual({ revealed: 2 });
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.text).sort()).toEqual(['better wording', 'someone else']));

    expect((await api(server, 'PATCH', path, pm.participantKey, { text: 'hijack' }, other.secret)).status).toBe(403);
    expect((await api(server, 'PATCH', path, pm.participantKey, { text: 'after reveal', color: 'green' }, note.secret)).status).toBe(204);
    await eventually(() => expect(readNotes(viewer.notes.doc).find((n) => n.id === note.id)).toMatchObject({ text: 'after reveal', color: 'green' }));

    expect((await api(server, 'DELETE', path, pm.participantKey, undefined, other.secret)).status).toBe(403);
    expect((await api(server, 'DELETE', path, pm.participantKey, undefined, note.secret)).status).toBe(204);
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.id)).toEqual([other.id]));
    expect((await api(server, 'DELETE', path, pm.participantKey, undefined, note.secret)).status).toBe(404);
    viewer.destroy();
  });

  it('holds notes until the facilitator reveals, shows only a count, and holds later notes for the next reveal', async () => {
    const pm = await createTestPostmortem(server);
    const viewer = connectPerson(server, pm.id, pm.facilitatorKey, 'Facilitator');
    await viewer.notes.synced;
    const first = (await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'one' })).body;
    await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'two' });
    await eventually(() => expect(heldCount(viewer.notes.doc)).toBe(2));
    expect(readNotes(viewer.notes.doc)).toEqual([]);

    await api(server, 'DELETE', `${notesPath(pm.id)}/${first.id}`, pm.participantKey, undefined, first.secret);
    await eventually(() => expect(heldCount(viewer.notes.doc)).toBe(1));

    const refused = await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.participantKey);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'facilitator_only']);
    expect(heldCount(viewer.notes.doc)).toBe(1);

    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey)).body).toEqual({ revealed: 1 });
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.text)).toEqual(['two']));
    expect(heldCount(viewer.notes.doc)).toBe(0);

    await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'three' });
    await eventually(() => expect(heldCount(viewer.notes.doc)).toBe(1));
    expect(readNotes(viewer.notes.doc).map((n) => n.text)).toEqual(['two']);
    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey)).body).toEqual({ revealed: 1 });
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.text)).toEqual(['two', 'three']));
    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey)).body).toEqual({ revealed: 0 });
    viewer.destroy();
  });

  it('reveals in an order unrelated to submission order', async () => {
    const pm = await createTestPostmortem(server);
    const texts = Array.from({ length: 30 }, (_, i) => `note ${i}`);
    for (const text of texts) await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text });
    await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey);
    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await viewer.notes.synced;
    const shown = readNotes(viewer.notes.doc).map((n) => n.text);
    expect([...shown].sort()).toEqual([...texts].sort());
    // 1 in 30! that a fair shuffle returns submission order.
    expect(shown).not.toEqual(texts);
    viewer.destroy();
  });
});
