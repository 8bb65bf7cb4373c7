import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addEvent, addFactor, eventText, initBoard, moveNotes, readFishbone, schemaVersion } from '@debrief/model';
import { findMarkers, marker } from './markers.ts';
import { pointerState, PROTOCOLS, type Closeable, type Receiver, type SessionTarget } from './protocols.ts';

/** What the main thread gives a worker: its share of the sessions, all clients of each session together. */
export interface WorkerInput {
  protocol: keyof typeof PROTOCOLS;
  sessions: SessionTarget[];
  clientsPerSession: number;
  writersPerSession: number;
  /** Mean pause between one writer's edits (each pause is 0.5–1.5× this). */
  editIntervalMs: number;
  /** Watchers as full Yjs clients instead of light sockets: to check that light ones measure the same. */
  fullReceivers: boolean;
  /** Pointers per second each watcher sends (0: none); writers then move a note on the canvas with every edit. */
  cursorHz: number;
}

export type WorkerMessage =
  | { type: 'ready'; connected: number; errors: string[] }
  | { type: 'result'; latencies: number[]; edits: number; undelivered: number; errors: string[]; receivedBytes: number; receivers: number };

export type MainMessage = { type: 'go'; durationMs: number; warmupMs: number };

/** Edits per event before a writer starts a new one, as people do. */
const EDITS_PER_EVENT = 40;
const LOCAL = Symbol('bench-writer');
const input = workerData as WorkerInput;
// Each y-websocket provider adds a process 'exit' listener; hundreds of them here are expected.
process.setMaxListeners(0);
const protocol = PROTOCOLS[input.protocol];
const errors: string[] = [];
const latencies: number[] = [];
let edits = 0;
let running = false;
/** Bytes the light watchers received during the run (what pointers cost each person's connection). */
let receivedBytes = 0;

interface Pending {
  t0: number;
  expected: number;
  got: number;
  last: number;
  measured: boolean;
}

/** One session: its writers (full Y.Docs) and light receivers, and the edits still on their way. */
class Session {
  readonly pending = new Map<string, Pending>();
  readonly seen: Set<string>[] = [];
  readonly writers: { doc: Y.Doc; connection: Closeable; eventId: string; editsInEvent: number; seq: number }[] = [];
  readonly receivers: Closeable[] = [];
  /** Light watchers that point at the canvas. */
  readonly pointers: Receiver[] = [];

  constructor(readonly target: SessionTarget) {
    for (let i = 0; i < input.clientsPerSession; i++) this.seen.push(new Set());
  }

  /** Client `client` has `key`: the edit's latency is final once every other client of the session has it. */
  receipt(client: number, key: string): void {
    const seen = this.seen[client]!;
    if (seen.has(key)) return;
    seen.add(key);
    const entry = this.pending.get(key);
    if (!entry) return;
    entry.got++;
    entry.last = performance.now();
    if (entry.got >= entry.expected) {
      if (entry.measured) latencies.push(entry.last - entry.t0);
      this.pending.delete(key);
    }
  }

  async connect(): Promise<void> {
    for (let w = 0; w < input.writersPerSession; w++) {
      const doc = new Y.Doc();
      const connection = await protocol.connectWriter(this.target, doc);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === LOCAL) return;
        for (const key of findMarkers(update)) this.receipt(w, key);
      });
      this.writers.push({ doc, connection, eventId: '', editsInEvent: 0, seq: 0 });
    }
    // The reference server starts with an empty document; Debrief's server creates the board.
    const first = this.writers[0]!.doc;
    if (schemaVersion(first) === 0 && input.protocol === 'reference') initBoard(first, { title: `Bench ${this.target.index}` });
    for (const writer of this.writers) {
      await until(() => readFishbone(writer.doc).categories.length > 0, 10_000);
      writer.eventId = addEvent(writer.doc, { at: new Date().toISOString(), what: '' }, LOCAL);
    }
    for (let r = input.writersPerSession; r < input.clientsPerSession; r++) {
      const client = r;
      if (input.fullReceivers) {
        const doc = new Y.Doc();
        doc.on('update', (update: Uint8Array) => {
          for (const key of findMarkers(update)) this.receipt(client, key);
        });
        this.receivers.push(await protocol.connectWriter(this.target, doc));
        continue;
      }
      const connection = await protocol.connectReceiver(
        this.target,
        (frame) => {
          if (running) receivedBytes += frame.length;
          for (const key of findMarkers(frame)) this.receipt(client, key);
        },
        () => {
          if (running) errors.push(`receiver ${this.target.index}.${client} disconnected during the run`);
        },
      );
      this.receivers.push(connection);
      this.pointers.push(connection);
    }
  }

  /** Every light watcher moves its pointer one step (a circle on the canvas). */
  point(step: number): void {
    this.pointers.forEach((pointer, i) => {
      const angle = (step + i * 7) / 10;
      const state = pointerState(i, Math.round(1000 + 400 * Math.cos(angle)), Math.round(400 * Math.sin(angle)));
      pointer.send(protocol.awarenessFrame(this.target, 100_000 + this.target.index * 1_000 + i, step, state));
    });
  }

  /** One writer's edit at human pace: mostly typing into its timeline event, sometimes a new fishbone factor. */
  edit(w: number, measured: boolean): void {
    const writer = this.writers[w]!;
    const key = `${this.target.index}.${w}.${++writer.seq}`;
    const text = marker(this.target.index, w, writer.seq);
    this.seen[w]!.add(key);
    this.pending.set(key, { t0: performance.now(), expected: input.clientsPerSession - 1, got: 0, last: 0, measured });
    edits++;
    const doc = writer.doc;
    if (writer.seq % 10 === 0) {
      const category = readFishbone(doc).categories[0];
      if (category) {
        doc.transact(() => addFactor(doc, { categoryId: category.id, text: `Factor ${text}` }), LOCAL);
        return;
      }
    }
    if (++writer.editsInEvent > EDITS_PER_EVENT) {
      writer.editsInEvent = 0;
      writer.eventId = addEvent(doc, { at: new Date().toISOString(), what: '' }, LOCAL);
    }
    const field = eventText(doc, writer.eventId, 'what');
    doc.transact(() => {
      // With pointers on, people are arranging notes: each edit moves this writer's note, marked in the same update.
      if (input.cursorHz > 0) moveNotes(doc, [{ id: `note${this.target.index}w${w}`, x: writer.seq % 2000, y: w * 200 }], LOCAL);
      field?.insert(field.length, `w ${text} `);
    }, LOCAL);
  }

  undelivered(): number {
    let missing = 0;
    for (const entry of this.pending.values()) if (entry.measured) missing += entry.expected - entry.got;
    return missing;
  }

  close(): void {
    for (const writer of this.writers) writer.connection.close();
    for (const receiver of this.receivers) receiver.close();
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the board');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sessions = input.sessions.map((target) => new Session(target));
let connected = 0;
// Connect a few sessions at a time, as people arrive, rather than a thousand sockets in one burst.
for (let i = 0; i < sessions.length; i += 5) {
  await Promise.all(
    sessions.slice(i, i + 5).map(async (session) => {
      try {
        await session.connect();
        connected += input.clientsPerSession;
      } catch (error) {
        errors.push(`session ${session.target.index}: ${(error as Error).message}`);
      }
    }),
  );
}
parentPort!.postMessage({ type: 'ready', connected, errors: [...errors] } satisfies WorkerMessage);
errors.length = 0;

parentPort!.once('message', (message: MainMessage) => {
  void run(message);
});

async function run({ durationMs, warmupMs }: MainMessage): Promise<void> {
  running = true;
  const started = performance.now();
  const timers: NodeJS.Timeout[] = [];
  for (const session of sessions) {
    session.writers.forEach((_, w) => {
      const next = () => {
        const elapsed = performance.now() - started;
        if (elapsed > durationMs) return;
        session.edit(w, elapsed >= warmupMs);
        timers.push(setTimeout(next, input.editIntervalMs * (0.5 + Math.random())));
      };
      timers.push(setTimeout(next, Math.random() * input.editIntervalMs));
    });
  }
  if (input.cursorHz > 0) {
    let step = 0;
    const pointing = setInterval(() => {
      step++;
      if (performance.now() - started > durationMs) clearInterval(pointing);
      else for (const session of sessions) session.point(step);
    }, 1000 / input.cursorHz);
    timers.push(pointing);
  }
  await new Promise((r) => setTimeout(r, durationMs));
  // Let edits in flight arrive before counting what never did.
  await new Promise((r) => setTimeout(r, 3_000));
  running = false;
  for (const timer of timers) clearTimeout(timer);
  const undelivered = sessions.reduce((sum, session) => sum + session.undelivered(), 0);
  for (const session of sessions) session.close();
  const receivers = sessions.reduce((sum, session) => sum + session.pointers.length, 0);
  parentPort!.postMessage({ type: 'result', latencies, edits, undelivered, errors, receivedBytes, receivers } satisfies WorkerMessage);
}
