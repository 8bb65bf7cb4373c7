import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentName } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { switchable, type SwitchableStorage } from '../testing/failing-storage.ts';
import { connectClient, createTestPostmortem, eventually, startTestServer, type TestServer } from '../testing/server-harness.ts';
import { generateKey, hashKey } from './keys.ts';

// Changes made straight in storage stand for those made by another instance whose signal never arrived here
// (Redis down at that moment): nothing on this instance closes the connections but the periodic check.
let server: TestServer;
let storage: Storage;
let switchboard: SwitchableStorage;
let log = '';
beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  server = await startTestServer({
    logStream,
    // `storage` is the real one (changes made elsewhere); the server's own can be switched off.
    wrapStorage: (real) => (switchboard = switchable((storage = real))).storage,
    app: { accessRecheckMs: 200 },
  });
});
afterAll(() => server.stop());

/** A participant connected to a post-mortem's board. */
async function connectedParticipant(title: string) {
  const pm = await createTestPostmortem(server, title);
  const client = connectClient(server, documentName(pm.id, 'board'), pm.participantKey);
  await client.synced;
  return { pm, client };
}

it('closes connections whose links were replaced elsewhere, and leaves other post-mortems alone', async () => {
  const replaced = await connectedParticipant('Links replaced on another instance');
  const untouched = await connectedParticipant('Nothing changed here');

  await storage.replaceKeyHashes(replaced.pm.id, { facilitator: hashKey(generateKey()), participant: hashKey(generateKey()) });

  await eventually(() => expect(replaced.client.refused).toBe('wrong_key'), 10_000);
  // Several checks later the other post-mortem's participant is still connected and was never refused.
  await new Promise((r) => setTimeout(r, 600));
  expect(untouched.client.refused).toBe('');
  expect(untouched.client.provider.isSynced).toBe(true);
  replaced.client.destroy();
  untouched.client.destroy();
});

it('closes connections to a post-mortem deleted elsewhere', async () => {
  const deleted = await connectedParticipant('Deleted on another instance');
  await storage.deletePostmortem(deleted.pm.id);
  await eventually(() => expect(deleted.client.refused).toBe('deleted'), 10_000);
  deleted.client.destroy();
});

it('keeps every connection while storage cannot answer the check, and says so in the log', async () => {
  const participant = await connectedParticipant('Storage down during the check');
  switchboard.down = true;
  await eventually(() => expect(log).toContain('could not check open connections against their post-mortem'), 5_000);
  switchboard.down = false;
  expect(participant.client.refused).toBe('');
  expect(participant.client.provider.isSynced).toBe(true);
  participant.client.destroy();
});
