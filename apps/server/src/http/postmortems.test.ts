import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostmortem, startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const post = (body: string, contentType = 'application/json') =>
  fetch(`${server.url}/api/postmortems`, { method: 'POST', headers: { 'content-type': contentType }, body });

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('HTTP API', () => {
  it('answers health', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
  });

  it('creates a post-mortem with two distinct links whose keys live only in the fragment', async () => {
    const response = await post(JSON.stringify({ title: 'DB failover', incidentAt: '2026-11-01T14:02:00+01:00', summary: 'Writes failed.' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; participantUrl: string; facilitatorUrl: string };
    expect(body.id).toMatch(/^[0-9a-z]{16}$/);
    for (const link of [body.participantUrl, body.facilitatorUrl]) {
      const url = new URL(link);
      expect(url.origin).toBe(server.url);
      expect(url.pathname).toBe(`/pm/${body.id}`);
      expect(url.search).toBe('');
      expect(url.hash).toMatch(/^#k=[A-Za-z0-9_-]{43}$/);
    }
    expect(body.participantUrl).not.toBe(body.facilitatorUrl);
  });

  it('stores keys only as hashes', async () => {
    const created = await createTestPostmortem(server);
    const file = await readFile(join(server.dataDir, 'postmortems', `${created.id}.json`), 'utf8');
    expect(file).not.toContain(created.participantKey);
    expect(file).not.toContain(created.facilitatorKey);
  });

  it('tells a key holder their role and refuses wrong, missing keys and unknown ids', async () => {
    const created = await createTestPostmortem(server, 'Role check');
    const get = (id: string, key?: string) =>
      fetch(`${server.url}/api/postmortems/${id}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

    const facilitator = await get(created.id, created.facilitatorKey);
    expect(await facilitator.json()).toMatchObject({ id: created.id, title: 'Role check', role: 'facilitator' });
    expect(await (await get(created.id, created.participantKey)).json()).toMatchObject({ role: 'participant' });

    const wrong = await get(created.id, 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    expect(await errorOf(wrong)).toMatchObject({ code: 'wrong_key' });
    const missing = await get(created.id);
    expect(missing.status).toBe(401);
    expect(await errorOf(missing)).toMatchObject({ code: 'missing_key' });
    const unknown = await get('zzzzzzzzzzzzzzzz', created.facilitatorKey);
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'not_found' });
    expect((await get('..%2F..%2Fetc%2Fpasswd', created.facilitatorKey)).status).toBe(404);
  });

  it('answers bad input with a JSON error and stores nothing', async () => {
    const before = await readdir(join(server.dataDir, 'postmortems')).catch(() => []);
    const cases: [Response, number, string][] = [
      [await post('{"title": '), 400, 'invalid_json'],
      [await post(''), 400, 'invalid_json'],
      [await post('{}'), 400, 'bad_request'],
      [await post(JSON.stringify({ title: '   ' })), 400, 'bad_request'],
      [await post(JSON.stringify({ title: 'x'.repeat(201) })), 400, 'bad_request'],
      [await post(JSON.stringify({ title: 'ok', incidentAt: 'yesterday' })), 400, 'bad_request'],
      [await post(JSON.stringify(['title'])), 400, 'bad_request'],
      [await post('title=x', 'text/plain'), 415, 'unsupported_media_type'],
      [await post(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })), 413, 'payload_too_large'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      const error = await errorOf(response);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(0);
    }
    const after = await readdir(join(server.dataDir, 'postmortems')).catch(() => []);
    expect(after).toEqual(before);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('names the problem in a refused title', async () => {
    const response = await post(JSON.stringify({ title: 'x'.repeat(201) }));
    expect((await errorOf(response)).message).toMatch(/200 characters/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'not_found' });
  });
});
