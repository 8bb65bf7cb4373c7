import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MainMessage, WorkerInput, WorkerMessage } from './load-worker.ts';
import { summarize } from './stats.ts';
import { startDebrief, startReference } from './targets.ts';
import { sampleProcess } from './usage.ts';

export interface Workload {
  sessions: number;
  clientsPerSession: number;
  writersPerSession: number;
  editIntervalMs: number;
  durationMs: number;
  warmupMs: number;
  fullReceivers: boolean;
  /** Pointers per second each watcher sends (0: none); see load-worker.ts. */
  cursorHz: number;
}

export interface RunResult {
  server: 'debrief' | 'reference';
  clients: number;
  edits: number;
  p50: number;
  p95: number;
  p99: number;
  serverCpuPercent: number;
  /** The server's CPU time per edit, in µs (all it did during the run, presence and pings included, over the edits). */
  serverCpuUsPerEdit: number;
  /** The server's write system calls per edit (NaN where they cannot be read): frames that share a write save one. */
  serverWritesPerEdit: number;
  serverRssMb: number;
  generatorCpuPercent: number;
  /** What each watcher's connection received, on average, in KB per second. */
  receivedKBps: number;
  errors: number;
  errorSamples: string[];
}

/** Starts a fresh server process, connects the workload from worker threads, measures, and stops it. */
export async function runOnce(server: 'debrief' | 'reference', workload: Workload): Promise<RunResult> {
  const target = server === 'debrief' ? await startDebrief() : await startReference();
  const workers: Worker[] = [];
  try {
    const sessions = await target.createSessions(workload.sessions);
    const workerCount = Math.max(1, Math.min(cpus().length, workload.sessions));
    const shares = Array.from({ length: workerCount }, (_, w) => sessions.filter((_, i) => i % workerCount === w));
    const ready: Promise<WorkerMessage & { type: 'ready' }>[] = [];
    const results: Promise<WorkerMessage & { type: 'result' }>[] = [];
    for (const share of shares) {
      const input: WorkerInput = {
        protocol: server,
        sessions: share,
        clientsPerSession: workload.clientsPerSession,
        writersPerSession: workload.writersPerSession,
        editIntervalMs: workload.editIntervalMs,
        fullReceivers: workload.fullReceivers,
        cursorHz: workload.cursorHz,
      };
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: input });
      workers.push(worker);
      const messages = nextMessages(worker);
      ready.push(messages.next() as Promise<WorkerMessage & { type: 'ready' }>);
      results.push(ready.at(-1)!.then(() => messages.next() as Promise<WorkerMessage & { type: 'result' }>));
    }
    const readies = await Promise.all(ready);
    const setupErrors = readies.flatMap((r) => r.errors);
    const clients = readies.reduce((sum, r) => sum + r.connected, 0);

    const sampler = sampleProcess(target.pid);
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (const worker of workers)
      worker.postMessage({ type: 'go', durationMs: workload.durationMs, warmupMs: workload.warmupMs } satisfies MainMessage);
    const done = await Promise.all(results);
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - wallBefore;
    const usage = await sampler.stop();

    const summary = summarize(done.flatMap((r) => r.latencies));
    const runErrors = done.flatMap((r) => r.errors);
    const undelivered = done.reduce((sum, r) => sum + r.undelivered, 0);
    const edits = done.reduce((sum, r) => sum + r.edits, 0);
    return {
      server,
      clients,
      edits,
      p50: summary.p50,
      p95: summary.p95,
      p99: summary.p99,
      serverCpuPercent: usage.cpuPercent,
      serverCpuUsPerEdit: edits ? (usage.cpuMs * 1000) / edits : 0,
      serverWritesPerEdit: edits && usage.writeCalls !== null ? usage.writeCalls / edits : Number.NaN,
      serverRssMb: usage.peakRssMb,
      generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      receivedKBps:
        done.reduce((sum, r) => sum + r.receivedBytes, 0) /
        1024 /
        Math.max(
          1,
          done.reduce((sum, r) => sum + r.receivers, 0),
        ) /
        (workload.durationMs / 1000),
      errors: setupErrors.length + runErrors.length + undelivered,
      errorSamples: [...setupErrors, ...runErrors, ...(undelivered ? [`${undelivered} deliveries never arrived`] : [])].slice(0, 5),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    await target.stop();
  }
}

/** Each call resolves with the worker's next message (or rejects if it fails). */
function nextMessages(worker: Worker): { next(): Promise<WorkerMessage> } {
  const queue: WorkerMessage[] = [];
  const waiting: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (message: WorkerMessage) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  worker.on('error', (error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  });
  return {
    next: () =>
      queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<WorkerMessage>((resolve, reject) => waiting.push({ resolve, reject })),
  };
}
