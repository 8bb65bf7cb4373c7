import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { CreatePostmortemResponse } from '@debrief/protocol';
import { keyFromFragment } from '@debrief/protocol';
import { createApp, type App } from '../app.ts';
import { LowdbStorage } from '../storage/lowdb-storage.ts';

/** A real server on 127.0.0.1, port 0, over a temporary data folder that survives `restart()`. */
export interface TestServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  app: App;
  /** Closes the server (saving documents) and starts a new process-equivalent over the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a server for a test. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'debrief-it-'));
  const boot = async (port = 0) => {
    const app = await createApp({ storage: new LowdbStorage(dataDir), webDist: join(dataDir, 'no-web') });
    await app.http.listen({ host: '127.0.0.1', port });
    return app;
  };
  const portOf = (app: App) => (app.http.server.address() as { port: number }).port;
  let app = await boot();
  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${portOf(app)}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${portOf(app)}/collab`;
    },
    dataDir,
    get app() {
      return app;
    },
    async restart() {
      const port = portOf(app);
      await app.close();
      app = await boot(port);
    },
    async stop() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Creates a post-mortem through the API and returns its ids and plain keys. */
export async function createTestPostmortem(server: TestServer, title = 'Checkout outage') {
  const response = await fetch(`${server.url}/api/postmortems`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  const body = (await response.json()) as CreatePostmortemResponse;
  return {
    ...body,
    participantKey: keyFromFragment(new URL(body.participantUrl).hash)!,
    facilitatorKey: keyFromFragment(new URL(body.facilitatorUrl).hash)!,
  };
}

/** A real Hocuspocus provider client, as a browser would run it. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves when the first sync completes; rejects if authentication fails. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects a client to one document with a token. */
export function connectClient(server: TestServer, name: string, token: string): TestClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket });
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const synced = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const provider = new HocuspocusProvider({
    name,
    document: doc,
    token,
    websocketProvider: socket,
    onSynced: () => resolve(),
    onAuthenticationFailed: ({ reason }) => reject(new Error(`authentication failed: ${reason}`)),
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** Polls until the check passes or the time runs out. */
export async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
