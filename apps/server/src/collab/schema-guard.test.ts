import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionsMap,
  addAction,
  addEvent,
  addFactor,
  createTheme,
  eventsMap,
  LIMITS,
  metaMap,
  promoteFinding,
  readActions,
  readFindings,
  readFishbone,
  readReview,
  readThemes,
  readTimeline,
  reviewText,
  sessionMap,
} from '@debrief/model';
import { documentName, parseRefusedNotice } from '@debrief/protocol';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';
import { SERVER_ORIGIN } from './server-writes.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A participant who writes raw Yjs, ignoring every limit the UI keeps, and a bystander who reads what is served. */
async function attackerAndBystander() {
  const pm = await createTestPostmortem(server, 'Schema');
  const attacker = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  const bystander = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await Promise.all([attacker.synced, bystander.synced]);
  return { pm, attacker, bystander };
}

const fixesTold = (client: { stateless: string[] }) =>
  client.stateless.map(parseRefusedNotice).flatMap((notice) => (notice?.what === 'invalid-record' ? (notice.fixes ?? []) : []));

it('trims an event’s text, drops a javascript: link, a wrong type and unknown keys, and tells the writer why', async () => {
  const { attacker, bystander } = await attackerAndBystander();
  const id = addEvent(attacker.doc, { at: '2026-01-01T10:00:00.000Z', what: 'x'.repeat(300_000) });
  // Set straight into the map, as a hand-written client would: the model's writers would not write these.
  attacker.doc.transact(() => {
    const event = eventsMap(attacker.doc).get(id)!;
    event.set('evidence', 'javascript:alert(1)');
    event.set('marker', 'blame');
    event.set('onclick', 'alert(1)');
  });
  await eventually(() => expect(readTimeline(bystander.doc)).toMatchObject([{ id, what: 'x'.repeat(LIMITS.eventWhat), evidence: '', marker: '' }]));
  expect([...eventsMap(bystander.doc).get(id)!.keys()]).not.toContain('onclick');
  // The writer converges on the same record, and is told each change.
  await eventually(() => expect(readTimeline(attacker.doc)[0]).toMatchObject({ what: 'x'.repeat(LIMITS.eventWhat), evidence: '' }));
  await eventually(() =>
    expect(fixesTold(attacker)).toEqual(
      expect.arrayContaining([
        'event.what was longer than 500 characters (trimmed)',
        'event.evidence is not an http(s) link',
        'event.marker is not one of "", "detection", "diagnosis", "mitigation", "resolution", "decision"',
        'event.onclick is not a field of this record',
      ]),
    ),
  );
  expect(fixesTold(bystander)).toEqual([]);
  attacker.destroy();
  bystander.destroy();
});

it('keeps factors, bones, themes, the head, the metadata and note grouping within their declarations', async () => {
  const { attacker, bystander } = await attackerAndBystander();
  const bone = readFishbone(attacker.doc).categories[0]!;
  attacker.doc.transact(() => {
    addFactor(attacker.doc, { categoryId: bone.id, text: 'f'.repeat(20_000) });
    createTheme(attacker.doc, 't'.repeat(5_000), []);
    attacker.doc.getMap<Y.Map<unknown>>('categories').get(bone.id)!.set('name', 42);
    (attacker.doc.getMap('fishbone').get('problem') as Y.Text).insert(0, 'p'.repeat(50_000));
    metaMap(attacker.doc).set('title', 'T'.repeat(10_000));
    attacker.doc.getMap('noteThemes').set('some-note', { not: 'a theme id' });
    eventsMap(attacker.doc).set('junk', 'not an event' as unknown as Y.Map<unknown>);
  });
  await eventually(() => {
    const fishbone = readFishbone(bystander.doc);
    expect(fishbone.problem).toHaveLength(LIMITS.problem);
    expect(fishbone.categories.find((c) => c.id === bone.id)?.name).toBe('');
    expect(fishbone.categories.flatMap((c) => c.factors).map((f) => f.text.length)).toEqual([LIMITS.factorText]);
    expect(readThemes(bystander.doc).map((t) => t.title.length)).toEqual([LIMITS.themeTitle]);
    expect(metaMap(bystander.doc).get('title')).toHaveLength(LIMITS.title);
    expect(bystander.doc.getMap('noteThemes').has('some-note')).toBe(false);
    expect(eventsMap(bystander.doc).has('junk')).toBe(false);
  });
  attacker.destroy();
  bystander.destroy();
});

it('empties whatever a client writes into a root type no record declares, of any kind, and says so', async () => {
  const { pm, attacker, bystander } = await attackerAndBystander();
  attacker.doc.transact(() => {
    attacker.doc.getText('junk').insert(0, 'j'.repeat(100_000));
    attacker.doc.getArray('stash').push([{ hidden: 'payload' }]);
    attacker.doc.getMap('padding').set('nested', new Y.Map([['deep', 'x'.repeat(10_000)]]));
  });
  await eventually(() =>
    expect(fixesTold(attacker)).toEqual(
      expect.arrayContaining([
        '"junk". is not part of the document schema',
        '"stash". is not part of the document schema',
        '"padding". is not part of the document schema',
      ]),
    ),
  );
  // A newcomer receives none of it: the server's copy holds only what was deleted again.
  const later = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await later.synced;
  expect([later.doc.getText('junk').length, later.doc.getArray('stash').length, later.doc.getMap('padding').size]).toEqual([0, 0, 0]);
  await eventually(() => expect([bystander.doc.getText('junk').length, bystander.doc.getArray('stash').length]).toEqual([0, 0]));
  // And a well-formed edit in the same board is still taken.
  addEvent(attacker.doc, { at: '2026-01-01T10:00:00.000Z', what: 'after the junk' });
  await eventually(() => expect(readTimeline(later.doc).map((e) => e.what)).toEqual(['after the junk']));
  attacker.destroy();
  bystander.destroy();
  later.destroy();
});

it('leaves a well-formed change alone and says nothing', async () => {
  const { attacker, bystander } = await attackerAndBystander();
  addEvent(attacker.doc, { at: '2026-01-01T10:00:00.000Z', what: 'Deploy started', evidence: 'https://ci.example.com/run/1' });
  await eventually(() => expect(readTimeline(bystander.doc)).toMatchObject([{ what: 'Deploy started', evidence: 'https://ci.example.com/run/1' }]));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(fixesTold(attacker)).toEqual([]);
  attacker.destroy();
  bystander.destroy();
});

it('keeps the facilitator’s findings, actions, review and session within their declarations too', async () => {
  const pm = await createTestPostmortem(server, 'Findings schema');
  const writer = connectClient(server, documentName(pm.id, 'findings'), pm.facilitatorKey);
  const reader = connectClient(server, documentName(pm.id, 'findings'), pm.participantKey);
  await Promise.all([writer.synced, reader.synced]);
  const finding = promoteFinding(writer.doc, { type: 'root', statement: 's'.repeat(20_000) });
  const action = addAction(writer.doc, [finding], 'Test restores weekly');
  writer.doc.transact(() => {
    const entry = actionsMap(writer.doc).get(action)!;
    entry.set('trackerUrl', 'javascript:alert(1)');
    entry.set('due', 'tomorrow');
    entry.set('status', 'blamed');
    entry.set('findingIds', JSON.stringify([finding]));
    sessionMap(writer.doc).set('phase', 'interrogation');
    reviewText(writer.doc, 'lessons')!.insert(0, 'l'.repeat(LIMITS.reviewText + 100));
  });
  await eventually(() => {
    expect(readFindings(reader.doc).map((f) => f.statement.length)).toEqual([LIMITS.findingStatement]);
    expect(readActions(reader.doc)).toMatchObject([{ trackerUrl: '', due: '', status: 'open', findingIds: [] }]);
    expect(sessionMap(reader.doc).get('phase')).toBe('timeline');
    expect(readReview(reader.doc).lessons).toHaveLength(LIMITS.reviewText);
  });
  await eventually(() =>
    expect(fixesTold(writer)).toEqual(
      expect.arrayContaining([
        'action.trackerUrl is not an http(s) link',
        'action.findingIds is not a list',
        'session.phase is not one of "timeline", "observations", "reveal", "factors", "findings", "actions", "review"',
      ]),
    ),
  );
  writer.destroy();
  reader.destroy();
});

it('checks a change within the declarations without writing anything back', async () => {
  const { pm, attacker, bystander } = await attackerAndBystander();
  const live = server.app.collab.documents.get(documentName(pm.id, 'board'))!;
  const serverWrites: Y.Transaction[] = [];
  live.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === SERVER_ORIGIN) serverWrites.push(transaction);
  });
  const id = addEvent(attacker.doc, { at: '2026-01-01T10:00:00.000Z', what: 'Cache flushed' });
  await eventually(() => expect(readTimeline(bystander.doc).map((event) => event.what)).toEqual(['Cache flushed']));
  expect(serverWrites).toEqual([]);
  // The same guard still writes when a change needs it.
  eventsMap(attacker.doc).get(id)!.set('marker', 'blame');
  await eventually(() => expect(serverWrites.length).toBe(1));
  await eventually(() => expect(readTimeline(bystander.doc)[0]?.marker).toBe(''));
});
