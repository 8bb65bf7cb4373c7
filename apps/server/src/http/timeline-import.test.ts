import { afterAll, beforeAll, expect, it } from 'vitest';
import { addEvent, CAPS, readTimeline } from '@debrief/model';
import { sample, slackExport } from '@debrief/timeline-import/samples';
import { createRateLimiter } from '../limits/rate-limits.ts';
import { api, connectPerson, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  // These tests import more files a minute than one address may (20): the limit has a test of its own below.
  server = await startTestServer({ app: { rateLimiter: createRateLimiter({ scale: 0 }) } });
});
afterAll(() => server.stop());

const importInto = (id: string, key: string, body: unknown) => api(server, 'POST', `/api/postmortems/${id}/timeline/import`, key, body);

it('imports a Slack export for everyone on the board at once, names as roles, markers kept; duplicates skipped next time', async () => {
  const pm = await createTestPostmortem(server, 'Checkout pool exhaustion');
  const bob = connectPerson(server, pm.id, pm.participantKey, 'Bob');
  await bob.board.synced;
  const typed = addEvent(bob.board.doc, {
    at: '2026-03-08T04:55:40.000Z',
    what: 'Bob Okafor: ack, looking. error rate on checkout is 12% & climbing',
  });

  await bob.board.received();
  const first = await importInto(pm.id, pm.facilitatorKey, {
    format: 'slack',
    content: slackExport(),
    roles: [{ name: 'Bob Okafor', role: 'the on-call engineer' }],
  });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ imported: 11, skipped: 1 });
  expect(first.body.events).toHaveLength(11);
  await eventually(() => expect(readTimeline(bob.board.doc)).toHaveLength(12));
  const timeline = readTimeline(bob.board.doc);
  expect(timeline.find((e) => e.at === '2026-03-08T05:12:03.000Z')).toMatchObject({
    what: 'the on-call engineer: yes, roll back. @here we are rolling back checkout-api to 2.40',
    source: 'Slack',
  });
  expect(timeline.some((e) => e.id === typed)).toBe(true);
  expect(timeline.filter((e) => e.what.includes('Bob Okafor'))).toHaveLength(1);

  const pagerduty = await importInto(pm.id, pm.facilitatorKey, { format: 'pagerduty', content: sample('pagerduty-log-entries.json'), rows: [0, 5] });
  expect(pagerduty.body).toEqual({ imported: 2, skipped: 4, events: expect.any(Array) });
  await eventually(() =>
    expect(
      readTimeline(bob.board.doc)
        .filter((e) => e.marker !== '')
        .map((e) => e.marker),
    ).toEqual(['detection', 'resolution']),
  );

  const again = await importInto(pm.id, pm.facilitatorKey, { format: 'pagerduty', content: sample('pagerduty-log-entries.json') });
  expect(again.body).toMatchObject({ imported: 4, skipped: 2 });
  bob.destroy();
});

it('reads zone-less times in the chosen zone on the incident’s day, and CSV columns as chosen', async () => {
  const pm = await createTestPostmortem(server);
  const text = await importInto(pm.id, pm.facilitatorKey, {
    format: 'text',
    content: '01:10 rolled back\n01:20 watching',
    timeZone: 'America/New_York',
    date: '2026-03-08',
  });
  expect(text.status).toBe(200);
  const csv = await importInto(pm.id, pm.facilitatorKey, {
    format: 'csv',
    content: 'stamp,body\n2026-03-08 03:05,resolved\n',
    timeZone: 'America/New_York',
    columns: { time: 'stamp', text: 'body' },
  });
  expect(csv.status).toBe(200);
  // Rows at the same moment stay in the file's order.
  const sameSecond = Array.from({ length: 12 }, (_, i) => `2026-03-08T08:00:00Z step ${i + 1}`).join('\n');
  expect((await importInto(pm.id, pm.facilitatorKey, { format: 'text', content: sameSecond })).status).toBe(200);
  const reader = connectPerson(server, pm.id, pm.participantKey, 'Reader');
  await reader.board.synced;
  expect(readTimeline(reader.board.doc).map((e) => [e.at, e.what, e.source])).toEqual([
    ['2026-03-08T06:10:00.000Z', 'rolled back', 'Text'],
    ['2026-03-08T06:20:00.000Z', 'watching', 'Text'],
    ['2026-03-08T07:05:00.000Z', 'resolved', 'CSV'],
    ...Array.from({ length: 12 }, (_, i) => ['2026-03-08T08:00:00.000Z', `step ${i + 1}`, 'Text']),
  ]);
  reader.destroy();
});

it('refuses bad files with a message naming the problem, and imports nothing', async () => {
  const pm = await createTestPostmortem(server);
  const refuse = async (body: unknown, status: number, message: string | RegExp, code = 'import_refused') => {
    const response = await importInto(pm.id, pm.facilitatorKey, body);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toMatch(message);
  };
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `2026-03-08T05:00:${String(i % 60).padStart(2, '0')}Z line ${i}`).join('\n');
  await refuse(
    { format: 'slack', content: sample('slack-export/incident-checkout/2026-03-08.json').slice(0, 300) },
    400,
    /Nothing was imported\. This is not a complete Slack export JSON file \(it ends too early/,
  );
  await refuse({ format: 'csv', content: 'time,text\n2026-03-08T05:00:00Z,ok\nlater,bad\n' }, 400, 'Row 2: “later” in “time” is not a time');
  await refuse({ format: 'pagerduty', content: sample('opsgenie-logs.json') }, 400, 'This looks like an Opsgenie log, not a PagerDuty log');
  await refuse({ format: 'text', content: lines(2_001) }, 400, 'This file has 2,001 rows; an import reads at most 2,000');
  await refuse({ format: 'text', content: 'x'.repeat(5 * 1024 * 1024 + 10) }, 413, 'This file is 5.0 MB; an import reads at most 5.0 MB');
  await refuse({ format: 'text', content: lines(3), timeZone: 'Nowhere/Else' }, 400, '“Nowhere/Else” is not a time zone');
  await refuse({ format: 'text', content: lines(3), rows: [7] }, 400, 'Row 7 is not in this file');
  await refuse({ format: 'docx', content: 'x' }, 400, /expected one of "slack"|"pagerduty"/, 'bad_request');
  // Past the timeline's cap: all or nothing, not the first rows that fit.
  const full = await importInto(pm.id, pm.facilitatorKey, { format: 'text', content: lines(CAPS.events - 2) });
  expect(full.body.imported).toBe(CAPS.events - 2);
  await refuse(
    { format: 'text', content: lines(5).replace(/line/g, 'more') },
    400,
    `A timeline holds at most 1,000 events: this one has 998 and the import would add 5`,
  );

  const participant = await importInto(pm.id, pm.participantKey, { format: 'text', content: lines(1) });
  expect(participant.status).toBe(403);
  const reader = connectPerson(server, pm.id, pm.participantKey, 'Reader');
  await reader.board.synced;
  expect(readTimeline(reader.board.doc)).toHaveLength(CAPS.events - 2);
  reader.destroy();
});

it('shows hostile text as text: it is stored as written, never interpreted', async () => {
  const pm = await createTestPostmortem(server);
  const response = await importInto(pm.id, pm.facilitatorKey, { format: 'opsgenie', content: sample('opsgenie-logs.json') });
  expect(response.body.imported).toBe(5);
  const reader = connectPerson(server, pm.id, pm.participantKey, 'Reader');
  await reader.board.synced;
  expect(readTimeline(reader.board.doc).map((e) => e.what)).toContain(
    'bob.okafor@example.com: [Bob Okafor] added note: rolling back checkout-api 2.41 <script>alert(1)</script>',
  );
  reader.destroy();
});

it('only the facilitator may import: a participant key, a wrong key and no key are refused', async () => {
  const pm = await createTestPostmortem(server);
  const big = { format: 'text', content: 'x'.repeat(3 * 1024 * 1024) };
  expect((await importInto(pm.id, pm.participantKey, big)).status).toBe(403);
  expect((await importInto(pm.id, 'not-a-key', big)).body.error.code).toBe('wrong_key');
  expect((await api(server, 'POST', `/api/postmortems/${pm.id}/timeline/import`, null, big)).status).toBe(401);
});

it('takes 20 imports a minute from one address, then answers 429 with Retry-After', async () => {
  const limited = await startTestServer();
  try {
    const pm = await createTestPostmortem(limited);
    const body = { format: 'text', content: '2026-03-08T05:00:00Z one line', rows: [0] };
    for (let i = 0; i < 20; i++)
      expect((await api(limited, 'POST', `/api/postmortems/${pm.id}/timeline/import`, pm.facilitatorKey, body)).status).toBe(200);
    const refused = await fetch(`${limited.url}/api/postmortems/${pm.id}/timeline/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pm.facilitatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  } finally {
    await limited.stop();
  }
});
