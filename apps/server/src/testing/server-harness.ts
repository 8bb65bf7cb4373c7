import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { CreatePostmortemResponse } from '@debrief/protocol';
import { keyFromFragment } from '@debrief/protocol';
import { createApp, type App, type AppOptions } from '../app.ts';
import { LowdbStorage } from '../storage/lowdb-storage.ts';
import type { Storage } from '../storage/storage.ts';
import type { SaverTiming } from '../collab/document-saver.ts';

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

/** Starts a server for a test; pass a stream to capture everything it logs. */
export async function startTestServer(
  options: {
    logStream?: NodeJS.WritableStream;
    /** Wraps the real storage, e.g. to make it fail on demand. */
    wrapStorage?: (storage: Storage) => Storage;
    saverTiming?: Partial<SaverTiming>;
    /** Anything else the app takes (rate limits, trusted proxies…). */
    app?: Partial<AppOptions>;
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'debrief-it-'));
  const wrap = options.wrapStorage ?? ((storage: Storage) => storage);
  const boot = async (port = 0) => {
    const app = await createApp({
      storage: wrap(new LowdbStorage(dataDir)),
      saverTiming: options.saverTiming,
      ...options.app,
      webDist: join(dataDir, 'no-web'),
      logger: options.logStream ? { level: 'trace', stream: options.logStream } : false,
    });
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
export async function createTestPostmortem(server: { url: string }, title = 'Checkout outage') {
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
  /** Every stateless message the server sent this document (e.g. save status), oldest first. */
  stateless: string[];
  /** Why the server last refused this client's key ('wrong_key', 'deleted', …), or '' while it never has. */
  readonly refused: string;
  /** Resolves once the server has acknowledged every change this client made (the provider holds none unsynced). */
  received(): Promise<void>;
  destroy(): void;
}

/**
 * The provider's socket for Node. ws throws an "error" event nobody listens to, which the provider leaves unheard
 * when it closes a socket still connecting (a test cleaning up while a refused client retries); the provider learns
 * of every failure from the close that follows, so the event itself is dropped here.
 */
class ProviderSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** Connects a client to one document with a token, on its own socket or a shared one. */
export function connectClient(
  server: { wsUrl: string },
  name: string,
  token: string,
  shared?: { socket: HocuspocusProviderWebsocket; awareness: boolean },
): TestClient {
  const doc = new Y.Doc();
  const stateless: string[] = [];
  let refused = '';
  const socket = shared?.socket ?? new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: ProviderSocket });
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const synced = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A refusal rejects `synced` for whoever awaits it; a client whose sync nobody awaits is refused quietly.
  synced.catch(() => {});
  const provider = new HocuspocusProvider({
    name,
    document: doc,
    token,
    websocketProvider: socket,
    ...(shared && !shared.awareness ? { awareness: null } : {}),
    onSynced: () => resolve(),
    onStateless: ({ payload }) => void stateless.push(payload),
    onAuthenticationFailed: ({ reason }) => {
      refused = reason;
      reject(new Error(`authentication failed: ${reason}`));
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    stateless,
    get refused() {
      return refused;
    },
    received: () => serverReceived(provider),
    destroy() {
      provider.destroy();
      if (!shared) socket.destroy();
      doc.destroy();
    },
  };
}

/** One person in a session, as the web app connects: all three documents over one socket, presence on the board. */
export interface TestPerson {
  board: TestClient;
  notes: TestClient;
  findings: TestClient;
  /** Resolves once the server has every change this person made, in all three documents. */
  received(): Promise<void>;
  destroy(): void;
}

/** Connects a person with a key and a display name (in board awareness only). */
export function connectPerson(server: { wsUrl: string }, postmortemId: string, key: string, displayName: string): TestPerson {
  const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: ProviderSocket });
  const board = connectClient(server, `${postmortemId}/board`, key, { socket, awareness: true });
  const notes = connectClient(server, `${postmortemId}/notes`, key, { socket, awareness: false });
  const findings = connectClient(server, `${postmortemId}/findings`, key, { socket, awareness: false });
  board.provider.setAwarenessField('user', { name: displayName, color: '#2f6fb4', role: 'participant' });
  return {
    board,
    notes,
    findings,
    received: async () => {
      await Promise.all([board.received(), notes.received(), findings.received()]);
    },
    destroy() {
      board.destroy();
      notes.destroy();
      findings.destroy();
      socket.destroy();
    },
  };
}

/** Calls the API with a key (and optionally a note secret); returns status and parsed body. */
export async function api(
  server: { url: string },
  method: string,
  path: string,
  key: string | null,
  body?: unknown,
  secret?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (secret !== undefined) headers['x-note-secret'] = secret;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Resolves once the server has acknowledged every change made through this provider. */
export function serverReceived(provider: HocuspocusProvider): Promise<void> {
  return eventually(() => {
    if (provider.hasUnsyncedChanges) throw new Error(`${provider.configuration.name}: the server has not acknowledged every change`);
  });
}

/** Polls until the check passes or the time runs out. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
