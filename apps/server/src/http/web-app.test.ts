import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { LowdbStorage } from '../storage/lowdb-storage.ts';

let dir: string;
let app: App;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'debrief-web-'));
  await mkdir(join(dir, 'dist', 'assets'), { recursive: true });
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>Debrief</title>');
  await writeFile(join(dir, 'dist', 'assets', 'app-abc123.js'), 'console.log(1)');
  app = await createApp({ storage: new LowdbStorage(join(dir, 'data')), webDist: join(dir, 'dist') });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves the app at / and for board links, fresh each time', async () => {
    for (const path of ['/', '/pm/abcdefgh12345678']) {
      const response = await fetch(url + path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Debrief</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches fingerprinted assets for good', async () => {
    const response = await fetch(`${url}/assets/app-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers unknown pages with the app and a 404, so it can say "not found"', async () => {
    const response = await fetch(`${url}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>Debrief</title>');
  });

  it('refuses WebSocket upgrades on any path but /collab', async () => {
    const outcome = (path: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}${path}`);
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
        socket.on('error', () => resolve('error'));
      });
    expect(await outcome('/not-collab')).toBe('refused 404');
    expect(await outcome('/collab')).toBe('open');
  });
});
