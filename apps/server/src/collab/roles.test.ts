import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAction, promoteFinding, readActions, readFacilitation, readFindings, setPhase, startTimer } from '@debrief/model';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('lets only the facilitator drive the session: phase, timer, findings and actions over the socket, reveal and voting over HTTP', async () => {
  const pm = await createTestPostmortem(server);
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  const alice = connectPerson(server, pm.id, pm.participantKey, 'Alice');
  const bob = connectPerson(server, pm.id, pm.participantKey, 'Bob');
  await Promise.all([fiona, alice, bob].map((p) => p.findings.synced));

  // A participant's writes to the facilitator's document reach nobody.
  setPhase(alice.findings.doc, 'review');
  startTimer(alice.findings.doc, 60_000, Date.now());
  promoteFinding(alice.findings.doc, { type: 'root', statement: 'forged by a participant' });
  addAction(alice.findings.doc, [], 'forged action');
  // The facilitator's do.
  setPhase(fiona.findings.doc, 'factors');
  promoteFinding(fiona.findings.doc, { type: 'proximate', statement: 'real finding' });

  await eventually(() => expect(readFacilitation(bob.findings.doc).phase).toBe('factors'));
  await eventually(() => expect(readFindings(bob.findings.doc).map((f) => f.statement)).toEqual(['real finding']));
  await new Promise((r) => setTimeout(r, 200));
  expect(readActions(bob.findings.doc)).toEqual([]);
  expect(readFacilitation(bob.findings.doc).timer.durationMs).toBe(0);
  expect(readFacilitation(fiona.findings.doc).phase).toBe('factors');

  // Facilitator-only HTTP operations refuse a participant key.
  for (const [method, path, body] of [
    ['POST', `/api/postmortems/${pm.id}/reveal`, undefined],
    ['PUT', `/api/postmortems/${pm.id}/voting`, { open: true, votesPerPerson: 3 }],
  ] as const) {
    const response = await api(server, method, path, pm.participantKey, body);
    expect([response.status, response.body.error.code]).toEqual([403, 'facilitator_only']);
  }

  for (const person of [fiona, alice, bob]) person.destroy();
  await server.restart();
  const reader = connectPerson(server, pm.id, pm.participantKey, 'Reader');
  await reader.findings.synced;
  expect(readFindings(reader.findings.doc).map((f) => f.statement)).toEqual(['real finding']);
  expect(readFacilitation(reader.findings.doc).phase).toBe('factors');
  reader.destroy();
});
