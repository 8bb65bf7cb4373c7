import { afterEach, describe, expect, it } from 'vitest';
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

  it('never limits a real session: 100 people from one address join, write notes and vote', { timeout: 60_000 }, async () => {
    server = await startTestServer();
    const pm = await createTestPostmortem(server, 'All hands');
    for (let i = 0; i < 100; i++) people.push(connectPerson(server, pm.id, pm.participantKey, `Person ${i}`));
    await Promise.all(people.map((person) => person.board.synced));
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await api(server, 'POST', `/api/postmortems/${pm.id}/notes`, pm.participantKey, { text: `Observation ${i}` })).status);
    }
    await api(server, 'PUT', `/api/postmortems/${pm.id}/voting`, pm.facilitatorKey, { open: true, votesPerPerson: 3 });
    const revealed = await api(server, 'POST', `/api/postmortems/${pm.id}/reveal`, pm.facilitatorKey);
    expect(revealed.body.revealed).toBe(100);
    for (let i = 0; i < 100; i++) {
      const ballot = await api(server, 'POST', `/api/postmortems/${pm.id}/ballots`, pm.participantKey);
      statuses.push(ballot.status);
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
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
