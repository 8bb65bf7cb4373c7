import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { documentName } from '@debrief/protocol';
import { frames } from '@debrief/testing/raw-socket';
import {
  connectClient,
  createTestPostmortem,
  eventually,
  serverReceived,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../testing/server-harness.ts';

let server: TestServer;
const open: { destroy(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  while (open.length) open.pop()?.destroy();
});
afterAll(() => server.stop());

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A hand-driven socket on one document: sends awareness entries as given, records every awareness entry it receives. */
async function rawClient(name: string, token: string) {
  const socket = new WebSocket(server.wsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const received: Entry[] = [];
  const answered = new Promise((resolve) => socket.once('message', resolve));
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 1) return;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    for (let i = 0; i < count; i++) {
      received.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), state: JSON.parse(decoding.readVarString(inner)) });
    }
  });
  socket.send(frames.auth(name, token));
  await answered;
  const client = {
    received,
    send(entries: Entry[]) {
      socket.send(frames.awareness(name, entries));
    },
    destroy() {
      socket.terminate();
    },
  };
  open.push(client);
  return client;
}

function observe(name: string, token: string): TestClient {
  const client = connectClient(server, name, token);
  open.push(client);
  return client;
}

const user = (name: string, role = 'participant') => ({ name, color: '#2f6fb4', role });
const statesOf = (client: TestClient) => client.provider.awareness!.getStates();
const nameOf = (client: TestClient, clientId: number): unknown => statesOf(client).get(clientId)?.user?.name;

async function person(name: string, token: string, displayName: string, role = 'participant'): Promise<TestClient> {
  const client = observe(name, token);
  client.provider.setAwarenessField('user', user(displayName, role));
  await client.synced;
  return client;
}

/** A provider on its own socket whose Yjs client id is chosen: a browser coming back with the id it had. */
function personWithId(name: string, token: string, clientId: number, displayName: string): TestClient {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: QuietSocket });
  let synced!: () => void;
  const provider = new HocuspocusProvider({ name, document: doc, token, websocketProvider: socket, onSynced: () => synced() });
  provider.attach();
  provider.setAwarenessField('user', user(displayName));
  const client: TestClient = {
    doc,
    provider,
    synced: new Promise<void>((resolve) => (synced = resolve)),
    stateless: [],
    refused: '',
    received: () => serverReceived(provider),
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  open.push(client);
  return client;
}

class QuietSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** Every state the server holds for a document, by client id. */
const serverStates = (name: string) => server.app.collab.documents.get(name)!.awareness.getStates();

describe('presence belongs to its owner', () => {
  it('drops a forged rename or removal of someone else: the victim and everyone else keep what the victim set', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const victim = await person(name, pm.participantKey, 'Alice');
    const third = observe(name, pm.participantKey);
    const watcher = await rawClient(name, pm.participantKey);
    const id = victim.doc.clientID;
    await eventually(() => expect(nameOf(third, id)).toBe('Alice'));
    const clock = victim.provider.awareness!.meta.get(id)!.clock;

    const attacker = await rawClient(name, pm.participantKey);
    attacker.send([{ clientId: id, clock: clock + 10, state: { user: user('Alice (I caused this)', 'facilitator'), editing: null } }]);
    attacker.send([{ clientId: id, clock: clock + 20, state: null }]);
    // The rest of a message still applies: the attacker's own state, after the forgeries, shows they were handled.
    attacker.send([
      { clientId: id, clock: clock + 30, state: null },
      { clientId: 4242, clock: 1, state: { user: user('Mallory'), editing: null } },
    ]);
    await eventually(() => expect(nameOf(third, 4242)).toBe('Mallory'));

    for (const seen of [statesOf(third).get(id), statesOf(victim).get(id), serverStates(name).get(id)]) {
      expect(seen?.user).toEqual(user('Alice'));
    }
    expect(victim.provider.awareness!.meta.get(id)!.clock).toBe(clock);
    // Only ever Alice's own state (presence goes out once per window, so a change that was on its way when the watcher
    // joined may come again after the joining snapshot).
    const aliceSeen = watcher.received.filter((entry) => entry.clientId === id).map((entry) => entry.state);
    expect(aliceSeen.length).toBeGreaterThan(0);
    for (const state of aliceSeen) expect(state).toEqual({ user: user('Alice'), editing: null });
    expect(JSON.stringify(watcher.received)).not.toContain('I caused this');
  });

  it('lets a connection update and remove its own presence, and set it again', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const me = await person(name, pm.participantKey, 'Bob');
    const other = observe(name, pm.participantKey);
    const id = me.doc.clientID;
    await eventually(() => expect(nameOf(other, id)).toBe('Bob'));

    me.provider.setAwarenessField('editing', 'a1b2c3d4e5f6g7h8');
    me.provider.setAwarenessField('user', user('Robert'));
    await eventually(() => expect(statesOf(other).get(id)).toEqual({ user: user('Robert'), editing: 'a1b2c3d4e5f6g7h8' }));

    me.provider.awareness!.setLocalState(null);
    await eventually(() => expect(statesOf(other).has(id)).toBe(false));
    expect(serverStates(name).has(id)).toBe(false);

    me.provider.awareness!.setLocalState({ user: user('Bob'), editing: null });
    await eventually(() => expect(nameOf(other, id)).toBe('Bob'));
  });

  it('shows a browser that reconnects on a new socket again at once', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const me = await person(name, pm.participantKey, 'Carol');
    const other = observe(name, pm.participantKey);
    const id = me.doc.clientID;
    await eventually(() => expect(nameOf(other, id)).toBe('Carol'));

    const socket = me.provider.configuration.websocketProvider;
    socket.disconnect();
    await eventually(() => expect(statesOf(other).has(id)).toBe(false));
    void socket.connect();
    // Well before its next renewal (15 s).
    await eventually(() => expect(nameOf(other, id)).toBe('Carol'), 3_000);
    // And it stays its own: it can still change it.
    me.provider.setAwarenessField('user', user('Carol B.'));
    await eventually(() => expect(nameOf(other, id)).toBe('Carol B.'));
  });

  it('gives a browser its presence back as soon as its old socket, still open when it came back, closes', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const other = observe(name, pm.participantKey);
    await other.synced;
    // The connection the server still thinks open: the browser's old socket, as it last spoke.
    const old = await rawClient(name, pm.participantKey);
    old.send([{ clientId: 777_001, clock: 1, state: { user: user('Dana'), editing: null } }]);
    await eventually(() => expect(nameOf(other, 777_001)).toBe('Dana'));

    const back = personWithId(name, pm.participantKey, 777_001, 'Dana (back)');
    await back.synced;
    old.destroy();
    await eventually(() => expect(nameOf(other, 777_001)).toBe('Dana (back)'), 3_000);
  });

  it('drops states over the limits of number, size and shape, and keeps the connection usable', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const watcher = await rawClient(name, pm.participantKey);
    const other = observe(name, pm.participantKey);
    await other.synced;
    const sender = await rawClient(name, pm.participantKey);
    const good = (n: number) => ({ user: user(`Tab ${n}`), editing: null });
    sender.send([1, 2, 3, 4, 5, 6].map((n) => ({ clientId: 900 + n, clock: 1, state: good(n) })));
    sender.send([
      { clientId: 800, clock: 1, state: {} },
      { clientId: 801, clock: 1, state: { user: { ...user('Eve'), color: 'red' }, editing: null } },
      { clientId: 802, clock: 1, state: { user: user('Eve', 'admin'), editing: null } },
      { clientId: 803, clock: 1, state: { user: user('x'.repeat(61)), editing: null } },
      { clientId: 804, clock: 1, state: { user: user('Eve'), editing: null, padding: 'x'.repeat(3_000) } },
      { clientId: 805, clock: 1, state: 'Eve' },
    ]);
    // Unknown keys are stripped, not relayed.
    sender.send([{ clientId: 901, clock: 2, state: { user: { ...user('Tab 1'), avatar: 'x' }, editing: null, cursor: 3 } }]);
    sender.send([{ clientId: 904, clock: 2, state: good(44) }]);
    await eventually(() => expect(nameOf(other, 904)).toBe('Tab 44'));

    const announced = [901, 902, 903, 904];
    expect([...statesOf(other).keys()].filter((id) => id !== other.doc.clientID).sort()).toEqual(announced);
    expect([...serverStates(name).keys()].sort()).toEqual(announced);
    expect(statesOf(other).get(901)).toEqual(good(1));
    expect(new Set(watcher.received.map((entry) => entry.clientId))).toEqual(new Set(announced));
    // No phantom: nothing empty, nothing unannounced, nothing but presence states was relayed.
    for (const entry of watcher.received) expect(entry.state).toEqual(good(entry.clientId === 904 && entry.clock === 2 ? 44 : entry.clientId - 900));
  });

  it('shows each connection with the role its key gives, whatever it claims', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'board');
    const liar = await person(name, pm.participantKey, 'Frank', 'facilitator');
    const facilitator = await person(name, pm.facilitatorKey, 'Grace', 'participant');
    const other = observe(name, pm.participantKey);
    await eventually(() => {
      expect(statesOf(other).get(liar.doc.clientID)?.user).toEqual(user('Frank', 'participant'));
      expect(statesOf(other).get(facilitator.doc.clientID)?.user).toEqual(user('Grace', 'facilitator'));
    });
  });

  it('relays no presence on documents other than the board', async () => {
    const pm = await createTestPostmortem(server);
    const name = documentName(pm.id, 'notes');
    const watcher = await rawClient(name, pm.participantKey);
    const sender = await rawClient(name, pm.participantKey);
    sender.send([{ clientId: 1234, clock: 1, state: { user: user('Heidi'), editing: null } }]);
    // The board, on the same kind of connection, does relay; by then the notes message was handled too.
    const board = documentName(pm.id, 'board');
    const boardWatcher = await rawClient(board, pm.participantKey);
    const boardSender = await rawClient(board, pm.participantKey);
    boardSender.send([{ clientId: 1235, clock: 1, state: { user: user('Heidi'), editing: null } }]);
    await eventually(() => expect(boardWatcher.received).toHaveLength(1));
    expect(watcher.received).toEqual([]);
    expect(server.app.collab.documents.get(name)!.awareness.getStates().size).toBe(0);
  });
});
