import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addEvent,
  addFactor,
  addIncidentTag,
  metaMap,
  promoteFinding,
  readFishbone,
  setIncidentDetails,
  type EventMarker,
  type Severity,
} from '@debrief/model';
import { api, connectPerson, createTestPostmortem, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Incident {
  title: string;
  at: string;
  severity: Severity;
  services: string[];
  teams: string[];
  bone: number;
  /** Minutes after the start for each marked event. */
  marks: Partial<Record<EventMarker, number>>;
  publish?: boolean;
}

/** A post-mortem with its incident's details, one factor on a bone, marked events; published unless told not to. */
async function incident(spec: Incident) {
  const pm = await createTestPostmortem(server, spec.title);
  const fiona = connectPerson(server, pm.id, pm.facilitatorKey, 'Fiona');
  await Promise.all([fiona.board.synced, fiona.findings.synced]);
  const doc = fiona.board.doc;
  doc.transact(() => metaMap(doc).set('incidentAt', spec.at));
  setIncidentDetails(doc, { severity: spec.severity, impactMinutes: 30 });
  for (const service of spec.services) addIncidentTag(doc, 'services', service);
  for (const team of spec.teams) addIncidentTag(doc, 'teams', team);
  const bone = readFishbone(doc).categories[spec.bone]!;
  // Published categories come from the findings; the draft's board counts its fishbone too.
  if (spec.publish === false) addFactor(doc, { categoryId: bone.id, text: 'The deploy changed the pool size' });
  else promoteFinding(fiona.findings.doc, { type: 'contributing', statement: 'The deploy changed the pool size', category: bone.name });
  for (const [marker, minutes] of Object.entries(spec.marks)) {
    addEvent(doc, { at: new Date(Date.parse(spec.at) + minutes * 60_000).toISOString(), what: `${marker} moment`, marker: marker as EventMarker });
  }
  await fiona.received();
  if (spec.publish !== false) expect((await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey, {})).status).toBe(200);
  fiona.destroy();
  return { ...pm, bone: bone.name };
}

it('publishes incident details: the library filters by service, team and severity; similar incidents and recurring ones are found; medians per quarter', async () => {
  const january = await incident({
    title: 'Checkout pool exhaustion',
    at: '2026-01-10T10:00:00.000Z',
    severity: 'SEV2',
    services: ['checkout-api', 'payments-db'],
    teams: ['Payments'],
    bone: 1,
    marks: { detection: 10, mitigation: 40, resolution: 90 },
  });
  const march = await incident({
    title: 'Checkout pool exhaustion again',
    at: '2026-03-01T10:00:00.000Z',
    severity: 'SEV1',
    services: ['Checkout-API'],
    teams: ['SRE'],
    bone: 1,
    marks: { detection: 30, resolution: 60 },
  });
  await incident({
    title: 'Search slow',
    at: '2026-03-05T10:00:00.000Z',
    severity: 'SEV3',
    services: ['search'],
    teams: ['Search'],
    bone: 3,
    marks: {},
  });
  const draft = await incident({
    title: 'Draft',
    at: '2026-03-20T10:00:00.000Z',
    severity: 'SEV4',
    services: ['checkout-api'],
    teams: [],
    bone: 3,
    marks: {},
    publish: false,
  });

  const titles = async (query: string) =>
    (await api(server, 'GET', `/api/reports?${query}`, null)).body.items.map((i: { title: string }) => i.title).sort();
  expect(await titles('service=CHECKOUT-API')).toEqual(['Checkout pool exhaustion', 'Checkout pool exhaustion again']);
  expect(await titles('team=payments')).toEqual(['Checkout pool exhaustion']);
  expect(await titles('severity=SEV1')).toEqual(['Checkout pool exhaustion again']);
  expect(await titles('service=checkout-api&severity=SEV3')).toEqual([]);
  const item = (await api(server, 'GET', `/api/reports?severity=SEV2`, null)).body.items[0];
  expect(item).toMatchObject({ severity: 'SEV2', services: ['checkout-api', 'payments-db'], teams: ['Payments'] });
  const bad = await api(server, 'GET', `/api/reports?severity=SEV9`, null);
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toBe('severity must be one of SEV1, SEV2, SEV3, SEV4');

  // The draft's board shares checkout-api (and its bone) with both checkout incidents; the service counts most.
  const similar = await api(server, 'GET', `/api/postmortems/${draft.id}/similar`, draft.participantKey);
  expect(similar.status).toBe(200);
  expect(similar.body.items.map((i: { title: string }) => i.title)).toEqual([
    'Checkout pool exhaustion again',
    'Checkout pool exhaustion',
    'Search slow',
  ]);
  expect(similar.body.items[0]).toMatchObject({ sharedServices: ['Checkout-API'], sharedCategories: [] });
  expect(similar.body.items[2]).toMatchObject({ sharedServices: [], sharedCategories: [draft.bone] });
  expect((await api(server, 'GET', `/api/postmortems/${january.id}/similar`, 'wrong-key')).status).toBe(403);

  const learning = (await api(server, 'GET', '/api/learning', null)).body;
  expect(learning.responseTimes).toEqual({ quarters: ['2026-Q1'], detect: [20], mitigate: [40], resolve: [75] });
  expect(learning.recurring).toEqual([
    {
      service: expect.stringMatching(/^checkout-api$/i),
      category: march.bone,
      incidents: [
        { id: january.id, title: 'Checkout pool exhaustion', incidentAt: '2026-01-10T10:00:00.000Z' },
        { id: march.id, title: 'Checkout pool exhaustion again', incidentAt: '2026-03-01T10:00:00.000Z' },
      ],
    },
  ]);
});
