// `pnpm bench [-- --quick] [--pairs N] [--seconds N] [--workloads 1x300,500x10]`: the same workload, with the same client code, against
// Debrief and the reference y-websocket server, alternately (A B A B …), each run on a fresh server process.
// Prints a table per run, the medians, a line per attack (`--skip-attacks` leaves them out, `--attacks-only` runs
// only them, `--attack WORD` those whose name has WORD; see attacks.ts), memory per idle connection and per open
// document (`--skip-memory` leaves it out, `--memory-only` runs only that), and finally one JSON line for the largest workload.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { median } from './stats.ts';
import { runOnce, type RunResult, type Workload } from './run.ts';
import { runAttacks } from './attacks.ts';
import { measureMemory } from './memory.ts';

const { values } = parseArgs({
  // `pnpm bench -- --quick` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    pairs: { type: 'string' },
    seconds: { type: 'string' },
    workloads: { type: 'string' },
    'full-receivers': { type: 'boolean', default: false },
    'skip-attacks': { type: 'boolean', default: false },
    'skip-memory': { type: 'boolean', default: false },
    'memory-only': { type: 'boolean', default: false },
    'attacks-only': { type: 'boolean', default: false },
    attack: { type: 'string' },
  },
  allowPositionals: true,
});

const quick = values.quick ?? false;
const pairs = Number(values.pairs ?? (quick ? 1 : 3));
const seconds = Number(values.seconds ?? (quick ? 20 : 60));
// "SxC": S sessions of C participants each; two of each session's participants type, the rest watch. "SxCc": the
// same with pointers: every watcher moves a pointer on the canvas 20 times a second, and each edit moves a note.
const CURSOR_HZ = 20;
// By default: one big review, a thousand people in a hundred sessions, five thousand in five hundred (`--quick`: the
// last two). `1x50c` (pointers) and `1x300` run when named.
const shapes = (values.workloads ?? (quick ? '100x10,500x10' : '1x50,100x10,500x10')).split(',').map((shape) => {
  const match = /^(\d+)x(\d+)(c?)$/.exec(shape.trim());
  const [sessions, clients] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || !sessions || !clients || clients < 3)
    throw new Error(`a workload is SESSIONSxCLIENTS (with at least 3 clients), with "c" for pointers, not "${shape}"`);
  return { sessions, clientsPerSession: clients, cursorHz: match[3] ? CURSOR_HZ : 0 };
});
/** A workload's name in the tables: `1×50`, or `1×50 with cursors`. */
const labelOf = (workload: Workload) => `${workload.sessions}×${workload.clientsPerSession}${workload.cursorHz ? ' with cursors' : ''}`;
const workloads: Workload[] = shapes.map((shape) => ({
  ...shape,
  writersPerSession: 2,
  editIntervalMs: 400,
  durationMs: seconds * 1_000,
  warmupMs: Math.min(5_000, seconds * 200),
  fullReceivers: values['full-receivers'] ?? false,
}));

// What runs: the workloads unless one part is asked for alone; memory after them (or alone); attacks last.
const memoryOnly = values['memory-only'] ?? false;
const runWorkloads = !memoryOnly && !(values['attacks-only'] ?? false);
const runMemory = !(values['skip-memory'] ?? false) && (memoryOnly || runWorkloads);
const runAttackSuite = !(values['skip-attacks'] ?? false) && !memoryOnly;
const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(
  `Runs: ${pairs} pair(s) per workload, ${seconds} s each (first ${workloads[0]!.warmupMs / 1000} s not measured); 2 typing clients per session, ` +
    `an edit every 0.2–0.6 s each; the other clients watch (${workloads[0]!.fullReceivers ? 'full Yjs clients' : 'light sockets'}).\n`,
);
const header = [
  'workload',
  'server',
  'clients',
  'edits',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'server CPU %',
  'CPU µs/edit',
  'writes/edit',
  'server RSS MB',
  'errors',
  'generator CPU %',
  'KB/s per watcher',
];
console.log(header.join(' | '));

const all: { workload: Workload; results: RunResult[] }[] = [];
for (const workload of runWorkloads ? workloads : []) {
  const results: RunResult[] = [];
  const label = labelOf(workload);
  for (let pair = 0; pair < pairs; pair++) {
    for (const server of ['debrief', 'reference'] as const) {
      const result = await runOnce(server, workload);
      results.push(result);
      console.log(
        [
          label,
          server,
          result.clients,
          result.edits,
          fixed(result.p50),
          fixed(result.p95),
          fixed(result.p99),
          fixed(result.serverCpuPercent, 0),
          fixed(result.serverCpuUsPerEdit, 0),
          fixed(result.serverWritesPerEdit),
          fixed(result.serverRssMb, 0),
          result.errors,
          fixed(result.generatorCpuPercent, 0),
          fixed(result.receivedKBps),
        ].join(' | '),
      );
      for (const sample of result.errorSamples) console.log(`    error: ${sample}`);
    }
  }
  all.push({ workload, results });
}

type Figures = { clients: number; p50_ms: number; p99_ms: number; rss_mb: number; errors: number };
const mediansOf = (results: RunResult[]): Figures => ({
  clients: Math.round(median(results.map((r) => r.clients))),
  p50_ms: Number(median(results.map((r) => r.p50)).toFixed(2)),
  p99_ms: Number(median(results.map((r) => r.p99)).toFixed(2)),
  rss_mb: Math.round(median(results.map((r) => r.serverRssMb))),
  errors: results.reduce((sum, r) => sum + r.errors, 0),
});

console.log('\nMedians over the pairs (errors summed):');
let headline: { debrief: Figures; reference: Figures } | undefined;
for (const { workload, results } of all) {
  const debrief = mediansOf(results.filter((r) => r.server === 'debrief'));
  const reference = mediansOf(results.filter((r) => r.server === 'reference'));
  const ratios = results.filter((r) => r.server === 'debrief').map((r, i) => r.p99 / results.filter((x) => x.server === 'reference')[i]!.p99);
  const traffic = (server: string) => median(results.filter((r) => r.server === server).map((r) => r.receivedKBps));
  const perEdit = (server: string) => median(results.filter((r) => r.server === server).map((r) => r.serverCpuUsPerEdit));
  const writesPerEdit = (server: string) => median(results.filter((r) => r.server === server).map((r) => r.serverWritesPerEdit));
  console.log(
    `${labelOf(workload)}: Debrief p50 ${debrief.p50_ms} ms, p99 ${debrief.p99_ms} ms, RSS ${debrief.rss_mb} MB, errors ${debrief.errors} | ` +
      `reference p50 ${reference.p50_ms} ms, p99 ${reference.p99_ms} ms, RSS ${reference.rss_mb} MB, errors ${reference.errors} | ` +
      `median p99 ratio (Debrief / reference, pair by pair) ${fixed(median(ratios), 2)} | ` +
      `server CPU per edit ${fixed(perEdit('debrief'), 0)} µs against ${fixed(perEdit('reference'), 0)} µs (${fixed(perEdit('debrief') / perEdit('reference'), 2)}×), ` +
      `write calls per edit ${fixed(writesPerEdit('debrief'))} against ${fixed(writesPerEdit('reference'))}` +
      (workload.cursorHz ? ` | each watcher received ${fixed(traffic('debrief'))} KB/s (reference ${fixed(traffic('reference'))} KB/s)` : ''),
  );
  if (!headline || debrief.clients >= headline.debrief.clients) headline = { debrief, reference };
}

if (runMemory) {
  console.log('\nMemory (fresh servers, settled 3 s; 2,000 idle connections on one document, then 500 documents with one each):');
  for (const server of ['debrief', 'reference'] as const) {
    const memory = await measureMemory(server);
    console.log(
      `${server}: idle ${fixed(memory.idleMb, 0)} MB, ${fixed(memory.perConnectionKb)} KB per idle connection, ${fixed(memory.perDocumentKb)} KB per open document`,
    );
  }
}

if (runAttackSuite) {
  console.log('\nAttacks (each on a fresh server, rate limits off; an unrelated session edits every 50 ms meanwhile):');
  await runAttacks((line) => console.log(line), values.attack);
}
if (headline) console.log(JSON.stringify(headline));
