import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, startServer } from '@debrief/testing/spawn-server';
import type { SessionTarget } from './protocols.ts';

/** A server under test, in its own process, with sessions ready to join. */
export interface Target {
  readonly name: 'debrief' | 'reference';
  readonly pid: number;
  createSessions(count: number): Promise<SessionTarget[]>;
  stop(): Promise<void>;
}

/** Debrief as `pnpm start` runs it (embedded storage in a temporary folder). */
export async function startDebrief(): Promise<Target> {
  // Rate limits are per client address, and the whole load comes from this one machine: turn them off here.
  const server = await startServer({ logLevel: 'error', env: { RATE_LIMIT_SCALE: '0' } });
  const wsUrl = `${server.url.replace('http', 'ws')}/collab`;
  return {
    name: 'debrief',
    get pid() {
      return server.pid;
    },
    async createSessions(count) {
      const sessions: SessionTarget[] = [];
      for (let index = 0; index < count; index++) {
        const response = await fetch(`${server.url}/api/postmortems`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Bench session ${index}` }),
        });
        if (response.status !== 201) throw new Error(`creating a post-mortem answered ${response.status}`);
        const created = (await response.json()) as { id: string; participantUrl: string };
        const token = new URL(created.participantUrl).hash.replace(/^#k=/, '');
        sessions.push({ index, wsUrl, documentName: `${created.id}/board`, token });
      }
      return sessions;
    },
    stop: () => server.stop(),
  };
}

/** The reference y-websocket server (`@y/websocket-server`), no persistence, as its README starts it. */
export async function startReference(): Promise<Target> {
  const require = createRequire(import.meta.url);
  const script = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src', 'server.js');
  const port = await freePort();
  // The same Node flags as Debrief's server gets (DEBRIEF_NODE_ARGS, e.g. "--cpu-prof"), so both can be profiled alike.
  const nodeArgs = (process.env.DEBRIEF_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) resolve();
    });
  });
  return {
    name: 'reference',
    pid: child.pid ?? -1,
    async createSessions(count) {
      return Array.from({ length: count }, (_, index) => ({ index, wsUrl: `ws://127.0.0.1:${port}`, documentName: `bench-${index}` }));
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
