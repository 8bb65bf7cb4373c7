import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pidusage from 'pidusage';
import * as Y from 'yjs';
import { addEvent, eventText, LIMITS, metaMap, promoteFinding, readMeta, schemaVersion, themesMap } from '@debrief/model';
import { frames, openRawSocket, type RawSocket } from '@debrief/testing/raw-socket';
import { startServer, type ServerProcess } from '@debrief/testing/spawn-server';
import type { ProbeMessage } from './probe-worker.ts';
import { debriefProtocol, type Closeable, type SessionTarget } from './protocols.ts';
import { summarize } from './stats.ts';

/**
 * The attacks that could once exhaust the server or brick a board, each against a fresh server (embedded storage,
 * rate limits off, so only the other limits stand), while an unrelated session edits and measures how long its
 * edits take to arrive. Each prints the server's RSS before, at its peak and after, and that session's p99.
 */
export interface AttackResult {
  name: string;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  probeP99Ms: number;
  probeEdits: number;
  /** What the attack achieved, in words (e.g. whether a refused write was stored). */
  outcome: string;
}

const MB = 1024 * 1024;

interface Postmortem {
  id: string;
  participantKey: string;
  facilitatorKey: string;
}

interface Attack {
  name: string;
  /** Runs the attack; resolves with what it achieved. Sockets it leaves in `held` stay open until measured. */
  run(server: ServerProcess, held: Closeable[]): Promise<string>;
}

async function createPostmortem(server: ServerProcess, title: string): Promise<Postmortem> {
  const response = await fetch(`${server.url}/api/postmortems`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`creating a post-mortem answered ${response.status}`);
  const created = (await response.json()) as { id: string; participantUrl: string; facilitatorUrl: string };
  const key = (url: string) => new URL(url).hash.replace(/^#k=/, '');
  return { id: created.id, participantKey: key(created.participantUrl), facilitatorKey: key(created.facilitatorUrl) };
}

const wsUrlOf = (server: ServerProcess) => `${server.url.replace('http', 'ws')}/collab`;

async function client(server: ServerProcess, documentName: string, token: string): Promise<{ doc: Y.Doc } & Closeable> {
  const doc = new Y.Doc();
  const connection = await debriefProtocol.connectWriter({ index: 0, wsUrl: wsUrlOf(server), documentName, token }, doc);
  return { doc, close: () => connection.close() };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = async (pid: number) => (await pidusage(pid)).memory / MB;

/** An unrelated session in a worker thread (probe-worker.ts); `stop` gives its p99 and number of edits. */
async function startProbe(server: ServerProcess): Promise<{ stop(): Promise<{ p99: number; edits: number }> }> {
  const pm = await createPostmortem(server, 'Unrelated session');
  const target: SessionTarget = { index: 0, wsUrl: wsUrlOf(server), documentName: `${pm.id}/board`, token: pm.participantKey };
  const worker = new Worker(new URL('./probe-entry.mjs', import.meta.url), { workerData: target });
  const next = () =>
    new Promise<ProbeMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await next();
  return {
    async stop() {
      const result = next();
      worker.postMessage('stop');
      const message = await result;
      await worker.terminate();
      if (message.type !== 'result') throw new Error('the probe answered out of turn');
      return { p99: summarize(message.latencies).p99, edits: message.edits };
    },
  };
}

/** Adds about `bytes` of themes (each about 210 bytes encoded) as one change. */
function addThemes(doc: Y.Doc, bytes: number): void {
  const themes = themesMap(doc);
  // Y.Map's size counts its entries, so it is read once.
  const first = themes.size;
  doc.transact(() => {
    for (let order = first; order < first + bytes / 210; order++) {
      const id = `j${String(order).padStart(15, '0')}`;
      themes.set(
        id,
        new Y.Map<unknown>([
          ['id', id],
          ['title', 't'.repeat(LIMITS.themeTitle)],
          ['order', order],
        ]),
      );
    }
  });
}

/** Writes `total` bytes through one client as 1 MB inserts each deleted again, so the document stays small. */
async function churn(doc: Y.Doc, total: number): Promise<void> {
  const id = addEvent(doc, { at: new Date().toISOString(), what: '' });
  for (let written = 0; written < total; written += MB) {
    const text = eventText(doc, id, 'known')!;
    text.insert(0, 'x'.repeat(MB));
    await pause(30);
    text.delete(0, text.length);
    await pause(30);
  }
}

async function raw(server: ServerProcess, held: Closeable[], headers?: Record<string, string>): Promise<RawSocket> {
  const socket = await openRawSocket(wsUrlOf(server), headers);
  held.push({ close: () => socket.destroy() });
  return socket;
}

const AUTH = 2;

export const ATTACKS: Attack[] = [
  {
    name: 'one socket, 500 sessions, not reading (28 MB written)',
    async run(server, held) {
      const pm = await createPostmortem(server, 'Sessions');
      const board = `${pm.id}/board`;
      const socket = await raw(server, held);
      for (let i = 0; i < 500; i++) socket.send(frames.auth(`${board}\0s${i}`, pm.participantKey));
      await pause(500);
      socket.socket.pause();
      const writer = await client(server, board, pm.participantKey);
      held.push(writer);
      await churn(writer.doc, 28 * MB);
      const closed = socket.socket.readyState !== socket.socket.OPEN;
      return closed ? 'socket closed by the server' : 'socket still open';
    },
  },
  {
    name: '60 sockets sending 5 MB each before authenticating',
    async run(server, held) {
      const pm = await createPostmortem(server, 'Before the key');
      const junk = new Y.Doc();
      junk.getText('t').insert(0, 'x'.repeat(MB));
      const frame = frames.update(`${pm.id}/board`, Y.encodeStateAsUpdate(junk));
      let open = 0;
      for (let s = 0; s < 60; s++) {
        const socket = await raw(server, held);
        for (let i = 0; i < 5; i++) socket.send(frame);
        await pause(20);
        if (socket.socket.readyState === socket.socket.OPEN) open++;
      }
      await pause(2_000);
      return `${open} of 60 sockets still open after sending`;
    },
  },
  {
    name: 'presence flood: 600 fake people from 150 sockets',
    async run(server, held) {
      const pm = await createPostmortem(server, 'Presence');
      const board = `${pm.id}/board`;
      let clientId = 10_000;
      for (let s = 0; s < 150; s++) {
        const socket = await raw(server, held);
        socket.send(frames.auth(board, pm.participantKey));
        await socket.next((frame) => frame.type === AUTH);
        const entries = Array.from({ length: 4 }, () => ({
          clientId: clientId++,
          clock: 1,
          state: { user: { name: `Fake person ${clientId}`.padEnd(60, '.'), color: '#2f6fb4', role: 'participant' }, editing: null },
        }));
        socket.send(frames.awareness(board, entries));
      }
      const newcomer = await raw(server, held);
      newcomer.send(frames.auth(board, pm.participantKey));
      const joined = await newcomer.next((frame) => frame.type === 1, 10_000).catch(() => null);
      return `a newcomer's presence frame: ${joined ? `${(joined.bytes / 1024).toFixed(0)} KB` : 'none'}`;
    },
  },
  {
    name: '8 parallel readers of /api/actions and /api/learning over 4 post-mortems of 1.1 MB',
    async run(server, held) {
      const keys: string[] = [];
      for (let p = 0; p < 4; p++) {
        const pm = await createPostmortem(server, `Large ${p}`);
        const findings = await client(server, `${pm.id}/findings`, pm.facilitatorKey);
        held.push(findings);
        // Declared records only (the server empties anything else): 1,100 findings of 1,000 characters.
        findings.doc.transact(() => {
          for (let f = 0; f < 1_100; f++) promoteFinding(findings.doc, { type: 'contributing', statement: 'p'.repeat(LIMITS.findingStatement) });
        });
        keys.push(`${pm.id}:${pm.facilitatorKey}`);
      }
      await pause(3_000);
      const until = performance.now() + 8_000;
      let requests = 0;
      let refused = 0;
      const reader = async () => {
        while (performance.now() < until) {
          for (const path of ['/api/actions', '/api/learning']) {
            const response = await fetch(`${server.url}${path}`, { headers: { 'x-debrief-keys': keys.join(',') } });
            await response.arrayBuffer();
            requests++;
            if (response.status === 429) refused++;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, reader));
      return `${requests} requests, ${refused} refused (429)`;
    },
  },
  {
    name: 'embedded storage: 25 post-mortems of 4 MB opened and closed',
    async run(server, held) {
      for (let p = 0; p < 25; p++) {
        const pm = await createPostmortem(server, `Stored ${p}`);
        const board = await client(server, `${pm.id}/board`, pm.participantKey);
        addThemes(board.doc, 4 * MB);
        await pause(300);
        board.close();
      }
      // Documents are saved and unloaded after their last client leaves (the debounce is up to 10 s).
      await pause(12_000);
      void held;
      return '25 written';
    },
  },
  {
    name: 'brick: a participant writes meta.schemaVersion = 999',
    async run(server, held) {
      const pm = await createPostmortem(server, 'Brick');
      const attacker = await client(server, `${pm.id}/board`, pm.participantKey);
      held.push(attacker);
      metaMap(attacker.doc).set('schemaVersion', 999);
      await pause(1_000);
      const facilitator = await client(server, `${pm.id}/board`, pm.facilitatorKey);
      held.push(facilitator);
      return `the facilitator's board is at schema version ${schemaVersion(facilitator.doc)} (${readMeta(facilitator.doc).title})`;
    },
  },
  {
    name: 'freeze: a participant fills the board to its 5 MB cap (1 MB at a time, then 6 MB at once), the facilitator deletes it',
    async run(server, held) {
      const pm = await createPostmortem(server, 'Freeze');
      const board = `${pm.id}/board`;
      const attacker = await client(server, board, pm.participantKey);
      const facilitator = await client(server, board, pm.facilitatorKey);
      held.push(attacker, facilitator);
      const id = addEvent(attacker.doc, { at: new Date().toISOString(), what: '' });
      // Declared records keep their text within limits and roots no record declares are emptied (the server repairs
      // both), so the megabytes come as themes, which have no count cap: the 5 MB cap is what bounds them.
      for (let i = 0; i < 6; i++) {
        addThemes(attacker.doc, MB);
        await pause(300);
      }
      attacker.doc.getText('more-junk').insert(0, 'g'.repeat(6 * MB - 4096));
      await pause(2_000);
      const themes = themesMap(facilitator.doc);
      facilitator.doc.transact(() => [...themes.keys()].forEach((key) => themes.delete(key)));
      await pause(2_500);
      eventText(facilitator.doc, id, 'what')!.insert(0, 'cleaned up');
      const later = await client(server, board, pm.participantKey);
      held.push(later);
      await pause(1_000);
      const what = eventText(later.doc, id, 'what')?.toString() ?? '';
      return what === 'cleaned up' ? 'the clean-up was taken and the board edits again' : 'the board stayed frozen';
    },
  },
];

/** Runs every attack (or those whose name contains `only`) on its own fresh server. */
export async function runAttacks(log: (line: string) => void, only?: string): Promise<AttackResult[]> {
  const results: AttackResult[] = [];
  for (const attack of ATTACKS.filter((one) => !only || one.name.includes(only))) {
    const server = await startServer({ logLevel: 'error', env: { RATE_LIMIT_SCALE: '0' } });
    const held: Closeable[] = [];
    try {
      const probe = await startProbe(server);
      await pause(1_000);
      const rssBeforeMb = await rssMb(server.pid);
      let peak = rssBeforeMb;
      const sampler = setInterval(
        () =>
          void rssMb(server.pid).then(
            (mb) => (peak = Math.max(peak, mb)),
            () => undefined,
          ),
        250,
      );
      let outcome: string;
      try {
        outcome = await attack.run(server, held);
      } catch (error) {
        outcome = `attack failed: ${(error as Error).message}`;
      }
      await pause(1_000);
      const { p99, edits } = await probe.stop();
      clearInterval(sampler);
      const rssAfterMb = await rssMb(server.pid);
      const result = {
        name: attack.name,
        rssBeforeMb,
        rssPeakMb: Math.max(peak, rssAfterMb),
        rssAfterMb,
        probeP99Ms: p99,
        probeEdits: edits,
        outcome,
      };
      results.push(result);
      log(
        `attack | ${result.name} | RSS ${result.rssBeforeMb.toFixed(0)} → peak ${result.rssPeakMb.toFixed(0)} → ${result.rssAfterMb.toFixed(0)} MB | ` +
          `unrelated session p99 ${result.probeP99Ms.toFixed(1)} ms (${result.probeEdits} edits) | ${result.outcome}`,
      );
    } finally {
      held.forEach((one) => one.close());
      pidusage.clear();
      await server.stop();
    }
  }
  return results;
}
