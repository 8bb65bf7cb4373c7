import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvent, BOARD_SCHEMA_VERSION, metaMap, migrateDocument, readMeta, readTimeline, schemaVersion } from '@debrief/model';
import { documentName, parseRefusedNotice } from '@debrief/protocol';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';
import { writesSchemaMetadata } from './schema-metadata.ts';

/** A board as the server holds it, and a client's copy of it. */
function boards() {
  const server = new Y.Doc();
  migrateDocument('board', server);
  metaMap(server).set('title', 'Outage');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What the client's change sends, decoded as the server's frame check decodes it. */
function changeOf(client: Y.Doc, change: () => void) {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  client.on('update', capture);
  client.transact(change);
  client.off('update', capture);
  return Y.decodeUpdate(update!);
}

describe('writesSchemaMetadata', () => {
  it('sees the schema version set, overwritten or deleted', () => {
    const set = boards();
    expect(
      writesSchemaMetadata(
        set.server,
        changeOf(set.client, () => metaMap(set.client).set('schemaVersion', 999)),
      ),
    ).toBe(true);
    const deleted = boards();
    expect(
      writesSchemaMetadata(
        deleted.server,
        changeOf(deleted.client, () => metaMap(deleted.client).delete('schemaVersion')),
      ),
    ).toBe(true);
    const fresh = new Y.Doc();
    expect(
      writesSchemaMetadata(
        new Y.Doc(),
        changeOf(fresh, () => fresh.getMap('meta').set('schemaVersion', 1)),
      ),
    ).toBe(true);
  });

  it('does not take an echo of what the server already holds for a write (an offline copy sent back whole)', () => {
    const { server, client } = boards();
    addEvent(client, { at: '2026-11-01T14:00:00.000Z', what: 'Deploy' });
    // The whole client state: the server's own version item and the client's new event, in one update.
    expect(writesSchemaMetadata(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))).toBe(false);
    // A new version item in the same kind of update is still seen.
    metaMap(client).set('schemaVersion', 999);
    expect(writesSchemaMetadata(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))).toBe(true);
  });

  it('sees an overwrite whose origin is earlier in the same update', () => {
    const { server, client } = boards();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(doc);
    metaMap(doc).set('schemaVersion', 5);
    metaMap(doc).set('schemaVersion', 999);
    expect(writesSchemaMetadata(server, Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before)))).toBe(true);
  });

  it('lets every other write through: the title, events, a field of that name elsewhere', () => {
    const { server, client } = boards();
    expect(
      writesSchemaMetadata(
        server,
        changeOf(client, () => metaMap(client).set('title', 'Database outage')),
      ),
    ).toBe(false);
    expect(
      writesSchemaMetadata(
        server,
        changeOf(client, () => addEvent(client, { at: '2026-11-01T14:00:00.000Z', what: 'x' })),
      ),
    ).toBe(false);
    expect(
      writesSchemaMetadata(
        server,
        changeOf(client, () => client.getMap('events').set('schemaVersion', 3)),
      ),
    ).toBe(false);
  });
});

describe('over the socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("refuses a participant's write of the schema version: nobody else sees it, it is not stored, the board goes on", async () => {
    const pm = await createTestPostmortem(server, 'Bricked?');
    const board = documentName(pm.id, 'board');
    const attacker = connectClient(server, board, pm.participantKey);
    const facilitator = connectClient(server, board, pm.facilitatorKey);
    await Promise.all([attacker.synced, facilitator.synced]);
    metaMap(attacker.doc).set('schemaVersion', 999);
    await eventually(() => expect(attacker.stateless.map(parseRefusedNotice)).toContainEqual({ type: 'refused', what: 'schema-metadata' }));
    addEvent(facilitator.doc, { at: '2026-11-01T14:00:00.000Z', what: 'after the attempt' });
    await eventually(() => expect(readTimeline(attacker.doc).map((e) => e.what)).toEqual(['after the attempt']));
    expect(schemaVersion(facilitator.doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(readMeta(facilitator.doc).title).toBe('Bricked?');
    attacker.destroy();
    facilitator.destroy();
    await server.restart();
    const later = connectClient(server, board, pm.participantKey);
    await later.synced;
    expect(schemaVersion(later.doc)).toBe(BOARD_SCHEMA_VERSION);
    later.destroy();
  });
});
