import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CreatePostmortemResponse } from '@debrief/protocol';
import { readConfig } from '../config.ts';
import { startTestServer, type TestServer } from '../testing/server-harness.ts';
import { startServer, type ServerProcess } from '@debrief/testing/spawn-server';
import { allowedHostsFor, hostAllowed, hostName, LOOPBACK_HOSTS } from './allowed-hosts.ts';

describe('which Host a request may name', () => {
  it('parses only well-formed Host headers', () => {
    expect(hostName('Debrief.Example.org:443')).toBe('debrief.example.org');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    for (const header of [
      undefined,
      '',
      'evil.example@localhost',
      'localhost/x',
      'localhost:3000:1',
      '::1',
      'local host',
      '.localhost',
      'localhost\r\nX: y',
    ]) {
      expect(hostName(header), String(header)).toBeNull();
    }
  });

  it('with a list, accepts its names and loopback names, with any port, and nothing else', () => {
    const allowed = ['debrief.example.org'];
    for (const header of ['debrief.example.org', 'DEBRIEF.example.org:8443', 'localhost:3000', '127.0.0.1', '[::1]:80'])
      expect(hostAllowed(header, allowed), header).toBe(true);
    for (const header of ['evil.example', 'debrief.example.org.evil.example', 'evil.example@debrief.example.org', '127.0.0.2', undefined, ''])
      expect(hostAllowed(header, allowed), String(header)).toBe(false);
    expect(hostAllowed('anything.example', null)).toBe(true);
  });

  it('takes PUBLIC_URL and ALLOWED_HOSTS; without them, loopback names on a loopback bind and any name elsewhere', () => {
    expect(allowedHostsFor({ publicUrl: 'https://Debrief.example.org:8443', bindHost: '0.0.0.0' })).toEqual(['debrief.example.org']);
    expect(
      allowedHostsFor({ publicUrl: 'https://debrief.example.org', allowedHosts: ' debrief.internal:3000, 10.0.0.5 ,', bindHost: '0.0.0.0' }),
    ).toEqual(['debrief.example.org', 'debrief.internal', '10.0.0.5']);
    expect(allowedHostsFor({ allowedHosts: 'debrief.internal', bindHost: '0.0.0.0' })).toEqual(['debrief.internal']);
    for (const bindHost of ['127.0.0.1', 'localhost', '::1']) expect(allowedHostsFor({ bindHost })).toEqual(LOOPBACK_HOSTS);
    for (const bindHost of ['0.0.0.0', '::', '10.0.0.5']) expect(allowedHostsFor({ bindHost })).toBeNull();
    expect(() => allowedHostsFor({ allowedHosts: 'https://debrief.example.org', bindHost: '0.0.0.0' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('is read from the environment, the default install accepting loopback names only', () => {
    expect(readConfig({}).allowedHosts).toEqual(LOOPBACK_HOSTS);
    expect(readConfig({ HOST: '0.0.0.0' }).allowedHosts).toBeNull();
    expect(readConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://debrief.example.org/' }).allowedHosts).toEqual(['debrief.example.org']);
    expect(() => readConfig({ ALLOWED_HOSTS: 'a b' })).toThrow(/ALLOWED_HOSTS/);
  });
});

/** A request naming any Host (fetch will not send a Host of our choosing): status, JSON body. */
function requestWithHost(
  url: string,
  host: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: { error?: { code: string }; participantUrl?: string } }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    request.on('error', reject);
    request.end(body ? JSON.stringify(body) : undefined);
  });
}

/** The status a WebSocket upgrade naming this Host gets: 101 when it opens. */
function upgradeStatus(wsUrl: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, { headers: { host } });
    socket.on('open', () => (socket.close(), resolve(101)));
    socket.on('unexpected-response', (_request, response) => (resolve(response.statusCode ?? 0), socket.terminate()));
    socket.on('error', reject);
  });
}

describe('a server with PUBLIC_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ app: { publicUrl: 'https://debrief.example.org', allowedHosts: ['debrief.example.org'] } });
  });
  afterAll(() => server.stop());

  it('refuses HTTP requests and WebSocket upgrades naming another Host with 421, and mints links from PUBLIC_URL', async () => {
    for (const [method, path] of [
      ['GET', '/api/health'],
      ['GET', '/api/actions'],
      ['GET', '/'],
      ['POST', '/api/postmortems'],
      ['GET', '/no/such/route'],
    ]) {
      const refused = await requestWithHost(`${server.url}${path}`, 'evil.example', method, method === 'POST' ? { title: 'x' } : undefined);
      expect([refused.status, refused.body.error?.code], `${method} ${path}`).toEqual([421, 'misdirected']);
    }
    expect(await upgradeStatus(server.wsUrl, 'evil.example')).toBe(421);
    expect(await upgradeStatus(server.wsUrl, 'debrief.example.org')).toBe(101);

    const created = await requestWithHost(`${server.url}/api/postmortems`, 'debrief.example.org', 'POST', { title: 'Outage' });
    expect(created.status).toBe(201);
    expect(new URL((created.body as CreatePostmortemResponse).participantUrl).origin).toBe('https://debrief.example.org');
    // A proxy or health check on this machine may use a loopback name; the links still name PUBLIC_URL.
    const local = await requestWithHost(`${server.url}/api/postmortems`, `127.0.0.1:${new URL(server.url).port}`, 'POST', { title: 'Outage' });
    expect(new URL((local.body as CreatePostmortemResponse).participantUrl).origin).toBe('https://debrief.example.org');
  });
});

describe('the server as `pnpm start` runs it', () => {
  let loopback: ServerProcess;
  let everywhere: ServerProcess;
  beforeAll(async () => {
    [loopback, everywhere] = await Promise.all([startServer(), startServer({ env: { HOST: '0.0.0.0' } })]);
  }, 60_000);
  afterAll(() => Promise.all([loopback?.stop(), everywhere?.stop()]));

  it('on loopback without PUBLIC_URL, answers loopback names only, closing DNS rebinding', async () => {
    const port = new URL(loopback.url).port;
    const rebound = await requestWithHost(`${loopback.url}/api/postmortems`, `attacker.example:${port}`, 'POST', { title: 'x' });
    expect([rebound.status, rebound.body.error?.code]).toEqual([421, 'misdirected']);
    expect(await upgradeStatus(`${loopback.url.replace('http', 'ws')}/collab`, `attacker.example:${port}`)).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const created = await requestWithHost(`${loopback.url}/api/postmortems`, host, 'POST', { title: 'x' });
      expect(created.status, host).toBe(201);
      expect(new URL((created.body as CreatePostmortemResponse).participantUrl).host).toBe(host);
    }
    expect(await loopback.log()).not.toContain('PUBLIC_URL');
  });

  it('beyond loopback without PUBLIC_URL, serves any Host as before and warns at startup', async () => {
    expect((await requestWithHost(`${everywhere.url}/api/health`, 'anything.example')).status).toBe(200);
    expect(await everywhere.log()).toMatch(/PUBLIC_URL is not set and HOST=0\.0\.0\.0/);
  });
});
