import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { api, connectPerson, createTestPostmortem, startTestServer, type TestPerson, type TestServer } from '../testing/server-harness.ts';
import { createRateLimiter } from './rate-limits.ts';
import { parseTrustProxy } from './client-address.ts';

let server: TestServer | undefined;
const people: TestPerson[] = [];
afterEach(async () => {
  for (const person of people.splice(0)) person.destroy();
  await server?.stop();
  server = undefined;
});

const create = (target: TestServer, forwardedFor?: string) =>
  fetch(`${target.url}/api/postmortems`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ title: 'Flood' }),
  });

describe('rate limits per client address', () => {
  it('answers 429 with Retry-After once an address has created too many post-mortems, and nothing is created', async () => {
    server = await startTestServer();
    for (let i = 0; i < 30; i++) expect((await create(server)).status).toBe(201);
    const refused = await create(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Try again in \d+ s/) } });
    // Without TRUST_PROXY a forged X-Forwarded-For is ignored: still the same address.
    expect((await create(server, '203.0.113.7')).status).toBe(429);
  });

  it('takes the address from X-Forwarded-For only from proxies TRUST_PROXY names', async () => {
    server = await startTestServer({ app: { trustProxy: parseTrustProxy('loopback') } });
    for (let i = 0; i < 30; i++) expect((await create(server, '203.0.113.7')).status).toBe(201);
    expect((await create(server, '203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy has its own allowance.
    expect((await create(server, '198.51.100.9')).status).toBe(201);
  });

  it('never limits a real session: 100 people from one address join, write notes at a human pace and vote', { timeout: 60_000 }, async () => {
    server = await startTestServer({ app: { revealRules: { cooldownMs: 0 } } });
    const pm = await createTestPostmortem(server, 'All hands');
    for (let i = 0; i < 100; i++) people.push(connectPerson(server, pm.id, pm.participantKey, `Person ${i}`));
    await Promise.all(people.map((person) => person.board.synced));
    // Silent writing as it happens: everyone starts at once, each writes three to five notes, each taking half a
    // minute to two minutes. The limiter's clock is the process clock, so the test moves it through the session.
    const writes = humanPaceSession(100).sort((a, b) => a.at - b.at);
    const statuses: number[] = [];
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      for (const { at, person } of writes) {
        vi.setSystemTime(start + at);
        statuses.push(
          (await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: `Observation by person ${person}` })).status,
        );
      }
    } finally {
      vi.useRealTimers();
    }
    await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.facilitatorKey, { open: true, votesPerPerson: 3 });
    const revealed = await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey);
    expect(revealed.body.revealed).toBe(writes.length);
    for (let i = 0; i < 100; i++) {
      const ballot = await api(server, 'POST', `/api/postmortems/${pm.id}/ballots`, pm.participantKey);
      statuses.push(ballot.status);
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
  });

  it('stops a burst of notes: one address past its allowance, then the post-mortem past its own', async () => {
    server = await startTestServer({ app: { trustProxy: parseTrustProxy('loopback') } });
    const pm = await createTestPostmortem(server, 'Flooded');
    const submit = (address: string) =>
      fetch(`${server!.url}/api/postmortems/${pm.id}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pm.participantKey}`, 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ text: 'spam' }),
      });
    const statuses = async (address: string, count: number) => {
      const answers = await Promise.all(Array.from({ length: count }, () => submit(address)));
      return answers.map((answer) => answer.status);
    };
    expect(await statuses('203.0.113.7', 60)).toEqual(Array(60).fill(201));
    const refused = await submit('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toEqual({
      code: 'rate_limited',
      message: expect.stringMatching(/faster than anyone can write them\. Try again in \d+ s/),
    });
    // Others at other addresses may still write, until the post-mortem as a whole has taken its burst.
    expect(await statuses('198.51.100.9', 60)).toEqual(Array(60).fill(201));
    expect((await submit('192.0.2.44')).status).toBe(429);
    // Without a key nobody can spend a post-mortem's allowance.
    const other = await createTestPostmortem(server, 'Not flooded');
    const keyless = await fetch(`${server!.url}/api/postmortems/${other.id}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x"}',
    });
    expect(keyless.status).toBe(401);
    expect((await api(server, 'POST', `/api/postmortems/${other.id}/notes`, other.participantKey, { text: 'real note' })).status).toBe(201);
  });

  it('limits reading across post-mortems: 120 a minute per address over actions, their files, Learning and the library', async () => {
    server = await startTestServer({ app: { trustProxy: parseTrustProxy('loopback') } });
    const paths = ['/api/actions', '/api/actions.csv', '/api/actions.ics', '/api/learning', '/api/reports'];
    const read = (path: string, address: string) => fetch(`${server!.url}${path}`, { headers: { 'x-forwarded-for': address } });
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => read(paths[i % paths.length]!, '203.0.113.7')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(120).fill(200));
    for (const path of paths) {
      const refused = await read(path, '203.0.113.7');
      expect(refused.status, path).toBe(429);
      expect(Number(refused.headers.get('retry-after')), path).toBeGreaterThan(0);
      expect(await refused.json(), path).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Try again in \d+ s/) } });
    }
    // Another address has its own allowance, and the limit is on reading across post-mortems only.
    expect((await read('/api/actions', '198.51.100.9')).status).toBe(200);
    expect((await create(server, '203.0.113.7')).status).toBe(201);
  });

  it('refuses new sockets from an address that opens too many, with 429 and Retry-After', async () => {
    server = await startTestServer({ app: { rateLimiter: createRateLimiter({ scale: 10 / 600 }) } });
    const open = () =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(server!.wsUrl);
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_request, response) => {
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
          resolve(response.statusCode ?? 0);
        });
        socket.once('error', () => resolve(-1));
      });
    const results: number[] = [];
    for (let i = 0; i < 12; i++) results.push(await open());
    expect(results.slice(0, 10)).toEqual(Array(10).fill(101));
    expect(results.slice(10)).toEqual([429, 429]);
  });
});

describe('TRUST_PROXY', () => {
  it('accepts nothing, hop counts and address lists, and refuses "true"', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseTrustProxy('true')).toThrow(/any client choose its address/);
    expect(() => parseTrustProxy('not-an-address')).toThrow(/TRUST_PROXY/);
  });
});

/** When each of `people` submits a note in a silent-writing session at a human pace (seeded, so every run is the same). */
function humanPaceSession(people: number): { at: number; person: number }[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const writes: { at: number; person: number }[] = [];
  for (let person = 0; person < people; person++) {
    let at = 0;
    const notes = 3 + Math.floor(random() * 3);
    for (let i = 0; i < notes; i++) {
      at += 30_000 + random() * 90_000;
      writes.push({ at, person });
    }
  }
  return writes;
}
