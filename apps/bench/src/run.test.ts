import { expect, it } from 'vitest';
import { measureMemory } from './memory.ts';
import { runOnce, type Workload } from './run.ts';

const tiny: Workload = {
  sessions: 2,
  clientsPerSession: 4,
  writersPerSession: 2,
  editIntervalMs: 200,
  durationMs: 3_000,
  warmupMs: 500,
  fullReceivers: false,
  cursorHz: 0,
};

it('drives both servers with the same workload and sees every edit arrive at every other client', async () => {
  for (const server of ['debrief', 'reference'] as const) {
    const result = await runOnce(server, tiny);
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.clients).toBe(8);
    expect(result.edits).toBeGreaterThan(20);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeLessThan(1_000);
    expect(result.serverRssMb).toBeGreaterThan(10);
    expect(result.serverCpuUsPerEdit).toBeGreaterThan(0);
    // Each edit goes out to the session's three other clients: one write for them all would be a miscount.
    if (process.platform === 'linux') expect(result.serverWritesPerEdit).toBeGreaterThan(1);
  }
});

it('with pointers, every edit (a note move) still arrives everywhere, and each watcher’s traffic is counted', async () => {
  for (const server of ['debrief', 'reference'] as const) {
    const result = await runOnce(server, { ...tiny, sessions: 1, clientsPerSession: 6, cursorHz: 20 });
    expect(result.errorSamples).toEqual([]);
    expect(result.edits).toBeGreaterThan(10);
    expect(result.p99).toBeLessThan(1_000);
    // Four watchers, each seeing the other three's pointers 20 times a second (Debrief: at most 20 frames a second).
    expect(result.receivedKBps).toBeGreaterThan(1);
  }
});

it('measures memory per idle connection and per open document on both servers', async () => {
  for (const server of ['debrief', 'reference'] as const) {
    const memory = await measureMemory(server, 100, 20);
    expect(memory.server).toBe(server);
    expect(memory.idleMb).toBeGreaterThan(10);
    for (const kb of [memory.perConnectionKb, memory.perDocumentKb]) expect(Number.isFinite(kb)).toBe(true);
  }
}, 120_000);
