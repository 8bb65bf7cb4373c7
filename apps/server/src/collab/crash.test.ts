import { afterAll, beforeAll, expect, it } from 'vitest';
import { addEvent, eventText, readTimeline } from '@debrief/model';
import { documentName } from '@debrief/protocol';
import { connectClient, createTestPostmortem, eventually, type TestClient } from '../testing/server-harness.ts';
import { startServer, type ServerProcess } from '@debrief/testing/spawn-server';

let server: ServerProcess;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('loses no edit of 20 clients typing when the server is SIGKILLed mid-session and started again', { timeout: 90_000 }, async () => {
  const ws = { wsUrl: `${server.url.replace('http', 'ws')}/collab` };
  const pm = await createTestPostmortem(server, 'Crash under load');
  const name = documentName(pm.id, 'board');
  for (let i = 0; i < 20; i++) clients.push(connectClient(ws, name, pm.participantKey));
  await Promise.all(clients.map((c) => c.synced));

  // Each client owns one event and keeps appending words to it, at roughly human pace. At most 80 words of up to 4
  // characters: however long a loaded machine takes to restart the server, the text stays within the event's 500
  // characters (the server would trim the rest, and the comparison below would race the trim).
  const ids = clients.map((client, i) => addEvent(client.doc, { at: `2026-11-01T14:${String(i).padStart(2, '0')}:00.000Z`, what: '' }));
  let typing = true;
  const typists = clients.map(async (client, i) => {
    for (let n = 0; typing && n < 80; n++) {
      eventText(client.doc, ids[i]!, 'what')!.insert(eventText(client.doc, ids[i]!, 'what')!.length, `w${n} `);
      await delay(40 + Math.random() * 60);
    }
  });

  await delay(1_500);
  await server.kill(); // nothing is saved on the way down
  await delay(1_000); // clients keep typing while the server is gone
  await server.start();
  await delay(1_500);
  typing = false;
  await Promise.all(typists);

  // After reconnecting, every client's words are on the server and with every other client.
  const written = clients.map((client, i) => eventText(client.doc, ids[i]!, 'what')!.toString());
  expect(written.every((text) => text.split(' ').length > 20)).toBe(true);
  const reader = connectClient(ws, name, pm.participantKey);
  clients.push(reader);
  await reader.synced;
  await eventually(() => {
    const byId = new Map(readTimeline(reader.doc).map((event) => [event.id, event.what]));
    expect(ids.map((id) => byId.get(id))).toEqual(written);
  }, 30_000);

  // And it is durable: a clean restart serves all of it from storage to a fresh client.
  for (const client of clients) client.destroy();
  clients.length = 0;
  await server.restart();
  const fresh = connectClient(ws, name, pm.participantKey);
  clients.push(fresh);
  await fresh.synced;
  const byId = new Map(readTimeline(fresh.doc).map((event) => [event.id, event.what]));
  expect(ids.map((id) => byId.get(id))).toEqual(written);
});
