import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { heldCount, readNotes } from '@debrief/model';
import {
  api,
  connectPerson,
  createTestPostmortem,
  eventually,
  startTestServer,
  type TestPerson,
  type TestServer,
} from '../testing/server-harness.ts';

const NOTE_TEXT = 'We knew the failover script was untested but nobody felt able to say so';

let server: TestServer;
let log = '';

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  server = await startTestServer({ logStream: stream });
});
afterAll(() => server.stop());

/** Every Yjs client id that authored content (or deletions) in the given updates. */
function authorsOf(updates: Uint8Array[]): Set<number> {
  const clients = new Set<number>();
  for (const update of updates) {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) clients.add(struct.id.client);
    for (const client of ds.clients.keys()) clients.add(client);
  }
  return clients;
}

/**
 * The text of every file under a folder, with stored Yjs documents decoded: base64 is random-looking text that can
 * contain a short name such as "Bob" by chance, so names are looked for in what the documents really hold.
 */
async function readTree(dir: string): Promise<string> {
  let all = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    const file = JSON.parse(text) as { documents?: Record<string, string> };
    for (const [kind, encoded] of Object.entries(file.documents ?? {})) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(encoded, 'base64'));
      // Every top-level type of our documents is a Y.Map.
      const content = Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()]));
      file.documents![kind] = JSON.stringify(content);
      doc.destroy();
    }
    all += JSON.stringify(file);
  }
  return all;
}

describe('anonymous notes, end to end through real providers', () => {
  it('reach nobody before the reveal and carry no participant’s client id, key or name after it', async () => {
    const pm = await createTestPostmortem(server, 'Anonymity check');
    const received = new Map<string, Uint8Array[]>();
    const people: Record<string, TestPerson> = {
      Fiona: connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona'),
      Alice: connectPerson(server, pm.id, pm.participantKey, 'Alice'),
      Bob: connectPerson(server, pm.id, pm.participantKey, 'Bob'),
    };
    for (const [name, person] of Object.entries(people)) {
      received.set(name, []);
      person.notes.doc.on('update', (update: Uint8Array) => received.get(name)!.push(update));
      await Promise.all([person.board.synced, person.notes.synced, person.findings.synced]);
    }

    const submitted = await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: NOTE_TEXT });
    expect(submitted.status).toBe(201);
    for (const person of Object.values(people)) await eventually(() => expect(heldCount(person.notes.doc)).toBe(1));

    // Before the reveal: the text is in no document anyone holds, the facilitator's included.
    const needle = new TextEncoder().encode(NOTE_TEXT);
    const contains = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(needle));
    for (const person of Object.values(people)) {
      for (const client of [person.board, person.notes, person.findings]) {
        expect(contains(Y.encodeStateAsUpdate(client.doc))).toBe(false);
      }
    }
    for (const updates of received.values()) expect(updates.some(contains)).toBe(false);

    expect((await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey, { final: true })).status).toBe(200);
    for (const person of Object.values(people)) {
      await eventually(() => expect(readNotes(person.notes.doc).map((n) => n.text)).toEqual([NOTE_TEXT]));
    }

    // After the reveal: decode what each connection received. No participant's or facilitator's client id.
    const participantClients = new Set(Object.values(people).flatMap((p) => [p.board.doc.clientID, p.notes.doc.clientID, p.findings.doc.clientID]));
    for (const [name, updates] of received) {
      expect(updates.some(contains), `${name} received the note`).toBe(true);
      for (const client of authorsOf(updates)) expect(participantClients.has(client), `${name} got an update by a participant`).toBe(false);
    }
    for (const person of Object.values(people)) {
      for (const client of authorsOf([Y.encodeStateAsUpdate(person.notes.doc)])) expect(participantClients.has(client)).toBe(false);
    }

    // An author edits and withdraws a note (for the log check below).
    const second = (await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: 'second thought' })).body;
    const secondPath = `/api/postmortems/${pm.id}/notes/${second.id}`;
    expect((await api(server, 'PATCH', secondPath, pm.participantKey, { text: 'second thought, reworded' }, second.secret)).status).toBe(204);
    expect((await api(server, 'DELETE', secondPath, pm.participantKey, undefined, second.secret)).status).toBe(204);

    // Storage and logs: no key in plain text, no secret, no name, and no note text in the log.
    for (const person of Object.values(people)) person.destroy();
    await server.restart();
    const stored = await readTree(server.dataDir);
    for (const secretThing of [pm.facilitatorKey, pm.participantKey, submitted.body.secret, 'Alice', 'Bob', 'Fiona']) {
      expect(stored).not.toContain(secretThing);
      expect(log).not.toContain(secretThing);
    }
    expect(log).not.toContain(NOTE_TEXT);
    expect(log).not.toContain(submitted.body.id);
    expect(log.toLowerCase()).not.toContain('authorization');
    expect(log).not.toMatch(/remoteAddress|remotePort|"ip"|user-agent/i);
    // Submitting, editing and withdrawing a note leave no log line at all, so no time in the log says when a note
    // was written; other requests are logged (the log is really being captured).
    expect(log).not.toContain('/api/postmortems/:id/notes');
    expect(log).toContain('/api/postmortems/:id/reveal');
  });

  it('drops writes from read-only connections: participants on findings, everyone on notes', async () => {
    const pm = await createTestPostmortem(server, 'Read-only check');
    const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
    const alice = connectPerson(server, pm.id, pm.participantKey, 'Alice');
    const bob = connectPerson(server, pm.id, pm.participantKey, 'Bob');
    await Promise.all([fiona, alice, bob].flatMap((p) => [p.notes.synced, p.findings.synced, p.board.synced]));

    alice.findings.doc.getMap('meta').set('forged', 'by alice');
    alice.notes.doc.getMap('notes').set('forged', new Y.Map());
    fiona.notes.doc.getMap('meta').set('heldCount', 99);
    // A facilitator write to findings goes through: proof that the check below would see a write that arrived.
    fiona.findings.doc.getMap('session').set('roam', true);

    await eventually(() => expect(bob.findings.doc.getMap('session').get('roam')).toBe(true));
    await new Promise((r) => setTimeout(r, 300));
    expect(bob.findings.doc.getMap('meta').get('forged')).toBeUndefined();
    expect(fiona.findings.doc.getMap('meta').get('forged')).toBeUndefined();
    expect(bob.notes.doc.getMap('notes').has('forged')).toBe(false);
    expect(heldCount(bob.notes.doc)).toBe(0);
    expect(heldCount(alice.notes.doc)).toBe(0);

    for (const person of [fiona, alice, bob]) person.destroy();
    await server.restart();
    const reader = connectPerson(server, pm.id, pm.participantKey, 'Reader');
    await Promise.all([reader.notes.synced, reader.findings.synced]);
    expect(reader.findings.doc.getMap('meta').get('forged')).toBeUndefined();
    expect(reader.findings.doc.getMap('session').get('roam')).toBe(true);
    expect(reader.notes.doc.getMap('notes').has('forged')).toBe(false);
    expect(heldCount(reader.notes.doc)).toBe(0);
    reader.destroy();
  });
});
