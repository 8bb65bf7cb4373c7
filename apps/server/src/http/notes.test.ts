import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { heldCount, readFacilitation, readNotes, setPhase } from '@debrief/model';
import { createRateLimiter } from '../limits/rate-limits.ts';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  // No cooldown between reveals here (several tests reveal twice in a row) and no rate limits (these tests post
  // more notes within seconds than a person could): both get tests of their own.
  server = await startTestServer({ app: { revealRules: { cooldownMs: 0, smallCooldownMs: 0 }, rateLimiter: createRateLimiter({ scale: 0 }) } });
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
    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true })).body).toEqual({ revealed: 2 });
    await eventually(() =>
      expect(
        readNotes(viewer.notes.doc)
          .map((n) => n.text)
          .sort(),
      ).toEqual(['better wording', 'someone else']),
    );

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

    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true })).body).toEqual({ revealed: 1 });
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.text)).toEqual(['two']));
    expect(heldCount(viewer.notes.doc)).toBe(0);

    // Ending Observations moved the session on; another final reveal needs the facilitator to go back first.
    await eventually(() => expect(readFacilitation(viewer.findings.doc).phase).toBe('reveal'));
    await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text: 'three' });
    await eventually(() => expect(heldCount(viewer.notes.doc)).toBe(1));
    expect(readNotes(viewer.notes.doc).map((n) => n.text)).toEqual(['two']);
    const ended = await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true });
    expect([ended.status, ended.body.error.code]).toEqual([409, 'not_observations']);
    setPhase(viewer.findings.doc, 'observations');
    await viewer.findings.received();
    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true })).body).toEqual({ revealed: 1 });
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

  it('lets the facilitator hide notes in bulk, paraphrase one and show them again; authors learn it, nobody learns who wrote them', async () => {
    const pm = await createTestPostmortem(server);
    const submit = async (text: string) =>
      (await api(server, 'POST', notesPath(pm.id), pm.participantKey, { text })).body as { id: string; secret: string };
    const [blame, spam1, spam2] = [await submit('Bob should have double-checked the hostname.'), await submit('buy now'), await submit('buy now!!')];
    const plain = await submit('The runbook named the old host.');
    const viewer = connectPerson(server, pm.id, pm.participantKey, 'Viewer');
    await viewer.notes.synced;
    const note = (id: string) => readNotes(viewer.notes.doc).find((n) => n.id === id);
    await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey);
    // Held until the next reveal: moderation skips it, as it skips notes never moderated when showing.
    const heldAgain = await submit('held for the next reveal');
    const moderation = `/api/postmortems/${pm.id}/moderation`;

    const refused = await api(server, 'POST', moderation, pm.participantKey, { action: 'hide', noteIds: [spam1.id] });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'facilitator_only']);
    expect((await api(server, 'POST', moderation, pm.facilitatorKey, { action: 'hide' })).status).toBe(400);
    expect(
      (await api(server, 'POST', moderation, pm.facilitatorKey, { action: 'hide', noteIds: [spam1.id, spam2.id, heldAgain.id, 'unknown000000000'] }))
        .body,
    ).toEqual({ moderated: 2 });
    await eventually(() =>
      expect([note(spam1.id), note(spam2.id)]).toMatchObject([
        { text: '', moderation: 'hidden' },
        { text: '', moderation: 'hidden' },
      ]),
    );
    // The hidden words reach nobody any more, even in the document's encoded state.
    expect(Buffer.from(Y.encodeStateAsUpdate(viewer.notes.doc)).includes(Buffer.from('buy now'))).toBe(false);

    expect(
      (
        await api(server, 'POST', moderation, pm.facilitatorKey, {
          action: 'paraphrase',
          noteId: blame.id,
          text: 'The two hostnames were easy to confuse.',
        })
      ).body,
    ).toEqual({ moderated: 1 });
    await eventually(() => expect(note(blame.id)).toMatchObject({ text: 'The two hostnames were easy to confuse.', moderation: 'paraphrased' }));
    // The facilitator's decision stands against the author's edit; withdrawing still works.
    const edit = await api(server, 'PATCH', `${notesPath(pm.id)}/${blame.id}`, pm.participantKey, { text: 'Bob again' }, blame.secret);
    expect([edit.status, edit.body.error.code]).toEqual([409, 'moderated']);

    expect((await api(server, 'POST', moderation, pm.facilitatorKey, { action: 'show', noteIds: [spam1.id, blame.id, plain.id] })).body).toEqual({
      moderated: 2,
    });
    await eventually(() => expect([note(spam1.id)?.text, note(blame.id)?.text]).toEqual(['buy now', 'Bob should have double-checked the hostname.']));
    expect(note(spam1.id)?.moderation).toBe('');
    expect((await api(server, 'DELETE', `${notesPath(pm.id)}/${spam2.id}`, pm.participantKey, undefined, spam2.secret)).status).toBe(204);
    await eventually(() => expect(note(spam2.id)).toBeUndefined());
    viewer.destroy();
  });
});

describe('reveal rules', () => {
  let ruled: TestServer;
  beforeAll(async () => {
    ruled = await startTestServer({ app: { revealRules: { minNotes: 3, cooldownMs: 600, smallCooldownMs: 2_000 } } });
  });
  afterAll(() => ruled.stop());

  it('releases crowds, not individuals: at least three at once, one reveal per cooldown, fewer only when Observations end', async () => {
    const pm = await createTestPostmortem(ruled);
    const submit = (text: string) => api(ruled, 'POST', notesPath(pm.id), pm.participantKey, { text });
    const reveal = (body?: unknown) => api(ruled, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, body);
    const viewer = connectPerson(ruled, pm.id, pm.participantKey, 'Viewer');
    const facilitator = connectPerson(ruled, pm.id, pm.facilitatorKey, 'Facilitator');
    await Promise.all([viewer.notes.synced, facilitator.findings.synced]);

    await submit('one');
    await submit('two');
    const tooFew = await reveal();
    expect([tooFew.status, tooFew.body.error.code]).toEqual([409, 'too_few_notes']);
    expect(tooFew.body.error.message).toMatch(/Only 2 notes are waiting.*at least 3/);
    await submit('three');
    expect((await reveal()).body).toEqual({ revealed: 3 });
    await eventually(() => expect(readNotes(viewer.notes.doc)).toHaveLength(3));

    for (const text of ['four', 'five', 'six']) await submit(text);
    const tooSoon = await reveal();
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([429, 'reveal_cooldown']);
    expect(await retryAfter(ruled, pm)).toBeGreaterThan(0);
    expect(heldCount(viewer.notes.doc)).toBe(3);
    await new Promise((r) => setTimeout(r, 650));
    expect((await reveal()).body).toEqual({ revealed: 3 });

    // One late note: only ending the Observations phase releases it, and that once per longer cooldown.
    await new Promise((r) => setTimeout(r, 650));
    await submit('seven');
    expect((await reveal()).status).toBe(409);
    expect((await reveal({ final: true })).body).toEqual({ revealed: 1 });
    await new Promise((r) => setTimeout(r, 650));
    await submit('eight');
    setPhase(facilitator.findings.doc, 'observations');
    await facilitator.findings.received();
    const again = await reveal({ final: true });
    expect([again.status, again.body.error.code]).toEqual([429, 'reveal_cooldown']);
    await eventually(() => expect(readNotes(viewer.notes.doc).map((n) => n.round)).toEqual([1, 1, 1, 2, 2, 2, 3]));
    viewer.destroy();
    facilitator.destroy();
  });
});

/** The Retry-After a too-early reveal answers with, in seconds. */
async function retryAfter(target: TestServer, pm: { id: string; facilitatorKey: string }): Promise<number> {
  const response = await fetch(`${target.url}/api/postmortems/${pm.id}/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pm.facilitatorKey}` },
  });
  return Number(response.headers.get('retry-after'));
}
