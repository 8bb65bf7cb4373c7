import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SERVER_BUSY_CLOSE } from '@debrief/protocol';
import { readConfig } from '../config.ts';
import { startTestServer, type TestServer } from '../testing/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ app: { loadLimits: { maxConnections: 2 } } });
});
afterAll(() => server.stop());

/** Opens a socket; resolves once it is open, or with the close code and reason when the server closes it first. */
function connect(): Promise<{ socket: WebSocket; closed: { code: number; reason: string } | null }> {
  const socket = new WebSocket(server.wsUrl);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      // A refused socket opens and is closed at once: wait a moment to tell the two apart.
      const timer = setTimeout(() => resolve({ socket, closed: null }), 200);
      socket.once('close', (code, reason) => {
        clearTimeout(timer);
        resolve({ socket, closed: { code, reason: reason.toString() } });
      });
    });
  });
}

it('refuses connections beyond capacity with "server busy" (1013), says so on /api/health, and takes them again once there is room', async () => {
  const first = await connect();
  const second = await connect();
  expect([first.closed, second.closed]).toEqual([null, null]);
  const health = async () => {
    const response = await fetch(`${server.url}/api/health`);
    return { status: response.status, body: (await response.json()) as { status: string; load: { connections: number; maxConnections: number } } };
  };
  expect(await health()).toMatchObject({ status: 503, body: { status: 'busy', load: { connections: 2, maxConnections: 2 } } });

  const refused = await connect();
  expect(refused.closed).toEqual({ code: SERVER_BUSY_CLOSE.code, reason: 'server busy' });
  // The open ones are untouched.
  expect([first.socket.readyState, second.socket.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);

  first.socket.close();
  await new Promise((resolve) => first.socket.once('close', resolve));
  await expect.poll(async () => (await health()).status).toBe(200);
  const again = await connect();
  expect(again.closed).toBeNull();
  again.socket.close();
  second.socket.close();
});

it('reads its limits from the environment, refusing values that make no sense', () => {
  expect(readConfig({ MAX_CONNECTIONS: '5000', BUSY_DELAY_MS: '150' }).loadLimits).toEqual({ maxConnections: 5000, busyDelayMs: 150 });
  expect(readConfig({}).loadLimits).toEqual({});
  expect(() => readConfig({ MAX_CONNECTIONS: 'lots' })).toThrow('MAX_CONNECTIONS must be a whole number ≥ 1, not "lots"');
  expect(() => readConfig({ BUSY_DELAY_MS: '0' })).toThrow('BUSY_DELAY_MS must be a whole number ≥ 1, not "0"');
});
