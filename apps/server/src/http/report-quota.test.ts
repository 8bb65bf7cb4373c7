import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LowdbStorage } from '../storage/lowdb-storage.ts';
import { api, createTestPostmortem, startTestServer } from '../testing/server-harness.ts';

it("refuses a publish beyond the room for a post-mortem's versions with 409 limit_reached, keeping the versions before", async () => {
  // The real embedded storage, with room for a few small versions only.
  const dir = await mkdtemp(join(tmpdir(), 'debrief-quota-'));
  const server = await startTestServer({ wrapStorage: () => new LowdbStorage(dir, { limits: { reportBytes: 12_000 } }) });
  try {
    const pm = await createTestPostmortem(server, 'Published again and again');
    const statuses: number[] = [];
    let refused: { status: number; body: { error: { code: string; message: string } } } | undefined;
    while (!refused && statuses.length < 50) {
      const answer = await api(server, 'POST', `/api/postmortems/${pm.id}/publish`, pm.facilitatorKey);
      statuses.push(answer.status);
      if (answer.status !== 200) refused = answer;
    }
    const published = statuses.filter((status) => status === 200).length;
    expect(published).toBeGreaterThan(1);
    expect(refused?.status).toBe(409);
    expect(refused?.body).toEqual({ error: { code: 'limit_reached', message: expect.stringContaining('cannot be published again') } });
    // Nothing was stored by the refused publish; every earlier version is still there.
    expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report`, null)).body.version).toBe(published);
    expect((await api(server, 'GET', `/api/postmortems/${pm.id}/report?version=1`, null)).status).toBe(200);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
