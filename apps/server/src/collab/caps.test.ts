import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvent, CAPS, eventText, LIMITS, readTimeline, themesMap } from '@debrief/model';
import { documentName, parseLimitNotice } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { api, connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
/** Note counts the storage reports for some post-mortems (so the caps are tested without writing 2,000 notes). */
const noteCounts = new Map<string, { active: number; stored: number }>();
beforeAll(async () => {
  server = await startTestServer({
    wrapStorage: (storage: Storage) =>
      new Proxy(storage, {
        get(target, property, receiver) {
          if (property === 'countNotes') {
            return async (id: string) => noteCounts.get(id) ?? target.countNotes(id);
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  });
});
afterAll(() => server.stop());

it('removes events beyond the cap that a client adds anyway, for everyone, and says why', { timeout: 30_000 }, async () => {
  const pm = await createTestPostmortem(server, 'Too many events');
  const writer = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  const reader = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await Promise.all([writer.synced, reader.synced]);
  writer.doc.transact(() => {
    for (let i = 0; i < CAPS.events + 5; i++) addEvent(writer.doc, { at: '2026-11-01T14:00:00.000Z', what: `e${i}` }, null, 1_000 + i);
  });
  await eventually(() => expect(readTimeline(reader.doc)).toHaveLength(CAPS.events), 15_000);
  await eventually(() => expect(readTimeline(writer.doc)).toHaveLength(CAPS.events), 15_000);
  expect(writer.stateless.map(parseLimitNotice)).toContainEqual({ type: 'limit-reached', what: 'events', cap: CAPS.events });
  writer.destroy();
  reader.destroy();
});

it('takes no change that would bring a document to its size cap, tells the writer, and always takes deletions', { timeout: 30_000 }, async () => {
  const pm = await createTestPostmortem(server, 'Huge board');
  const writer = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  const reader = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await Promise.all([writer.synced, reader.synced]);
  // Declared records keep their text within limits (schema-guard.ts) and a root no record declares is emptied again,
  // so the megabytes come the way a real board could grow: themes, which have no count cap of their own, about a
  // megabyte per 5,000 of them. The size cap is what bounds that.
  const themes = (doc: Y.Doc) => themesMap(doc);
  let added = 0;
  const addThemes = (count: number) =>
    writer.doc.transact(() => {
      for (let i = 0; i < count; i++, added++) {
        const id = `t${String(added).padStart(15, '0')}`;
        themes(writer.doc).set(
          id,
          new Y.Map<unknown>([
            ['id', id],
            ['title', 't'.repeat(LIMITS.themeTitle)],
            ['order', added],
          ]),
        );
      }
    });
  const known = () => themes(reader.doc).size;
  // Four megabytes, a megabyte at a time, are taken…
  for (let i = 1; i <= 4; i++) {
    addThemes(5_000);
    await eventually(() => expect(known()).toBe(i * 5_000), 15_000);
  }
  // …the fifth would reach the cap: nobody receives it, and the writer hears why.
  addThemes(5_000);
  await eventually(() =>
    expect(writer.stateless.map(parseLimitNotice)).toContainEqual({ type: 'limit-reached', what: 'document', cap: CAPS.documentBytes }),
  );
  // A single change larger than what is left is refused whole, never applied first.
  writer.doc.getText('other').insert(0, 'y'.repeat(CAPS.documentBytes));
  await new Promise((r) => setTimeout(r, 500));
  expect([known(), reader.doc.getText('other').length]).toEqual([20_000, 0]);

  // Whoever cleans up is heard: removing the themes is taken, and then so is the rest.
  const facilitator = connectClient(server, documentName(pm.id, 'board'), pm.facilitatorKey);
  await facilitator.synced;
  facilitator.doc.transact(() => [...themes(facilitator.doc).keys()].forEach((id) => themes(facilitator.doc).delete(id)));
  await eventually(() => expect(known()).toBe(0), 15_000);
  const id = addEvent(facilitator.doc, { at: '2026-11-01T14:00:00.000Z', what: '' });
  await eventually(async () => {
    eventText(facilitator.doc, id, 'what')!.insert(0, 'x');
    await new Promise((r) => setTimeout(r, 200));
    expect(readTimeline(reader.doc)[0]?.what).toContain('x');
  }, 15_000);
  facilitator.destroy();
  writer.destroy();
  reader.destroy();
});

it('refuses a note past the cap with 409 and a message that says so', async () => {
  const pm = await createTestPostmortem(server, 'Full of notes');
  noteCounts.set(pm.id, { active: CAPS.notes, stored: CAPS.notes });
  const refused = await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'one too many' });
  expect(refused.status).toBe(409);
  expect(refused.body.error).toEqual({ code: 'limit_reached', message: expect.stringContaining('2,000 notes') });
});

it('bounds the notes kept in storage too: hiding spam frees a place on the board, not room for endless spam', async () => {
  const pm = await createTestPostmortem(server, 'Spam hidden again and again');
  noteCounts.set(pm.id, { active: 10, stored: CAPS.storedNotes - 1 });
  expect((await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'last place' })).status).toBe(201);
  noteCounts.set(pm.id, { active: 11, stored: CAPS.storedNotes });
  const refused = await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'one too many' });
  expect([refused.status, refused.body.error.code]).toEqual([409, 'limit_reached']);
});
