import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { LowdbStorage } from '../storage/lowdb-storage.ts';

let app: App;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'debrief-headers-'));
  await mkdir(join(dir, 'web'), { recursive: true });
  await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>x</title>');
  app = await createApp({ storage: new LowdbStorage(dir), webDist: join(dir, 'web') });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

it('sends a strict CSP, nosniff, no-referrer and no framing on pages, API answers and errors alike', async () => {
  for (const url of ['/', '/pm/abcdefghijklmnop', '/api/health', '/api/nothing-here', '/api/postmortems/zzzzzzzzzzzzzzzz']) {
    const response = await app.http.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    expect(csp, url).toContain("default-src 'self'");
    expect(csp, url).toContain("script-src 'self'");
    expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    expect(response.headers['x-frame-options'], url).toBe('DENY');
  }
});
