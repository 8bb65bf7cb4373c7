import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '@debrief/testing/spawn-server';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(() => server.stop());

const call = async (method: string, path: string, key: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};

it('keeps a note acknowledged with 201 when the server is killed right after', { timeout: 60_000 }, async () => {
  const created = await (
    await fetch(`${server.url}/api/postmortems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Crash test' }),
    })
  ).json();
  const key = (url: string) => new URL(url).hash.slice(3);
  const participant = key(created.participantUrl);
  const facilitator = key(created.facilitatorUrl);

  const submitted = await call('POST', `/api/postmortems/${created.id}/notes`, participant, { text: 'Survives SIGKILL' });
  expect(submitted.status).toBe(201);
  await server.kill();
  await server.start();

  const revealed = await call('POST', `/api/postmortems/${created.id}/reveal`, facilitator, { final: true });
  expect(revealed.body).toEqual({ revealed: 1 });
  // The reveal itself answered only once durable: kill again, and the revealed note is still there to edit.
  await server.kill();
  await server.start();
  const edit = await fetch(`${server.url}/api/postmortems/${created.id}/notes/${submitted.body.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${participant}`, 'content-type': 'application/json', 'x-note-secret': submitted.body.secret },
    body: JSON.stringify({ text: 'Survives SIGKILL twice' }),
  });
  expect(edit.status).toBe(204);
  expect((await call('POST', `/api/postmortems/${created.id}/reveal`, facilitator)).body).toEqual({ revealed: 0 });
});
