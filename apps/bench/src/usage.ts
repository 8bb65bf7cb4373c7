import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';

/** The write system calls a process has made so far (Linux's /proc/PID/io), or null where that cannot be read. */
function writeCalls(pid: number): number | null {
  try {
    const line = /^syscw:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return line ? Number(line[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's CPU and memory once a second: CPU as % of one core (the mean of the samples) and as the CPU
 * time it used between the first sample and the last, memory as peak RSS, and the write system calls it made between
 * the first sample and the last (null off Linux): each one is a trip through the kernel's network stack.
 */
export function sampleProcess(pid: number): {
  stop(): Promise<{ cpuPercent: number; cpuMs: number; peakRssMb: number; writeCalls: number | null }>;
} {
  const cpu: number[] = [];
  const cpuTimes: number[] = [];
  const writes: (number | null)[] = [];
  let peak = 0;
  const take = async () => {
    try {
      const stats = await pidusage(pid);
      cpu.push(stats.cpu);
      cpuTimes.push(stats.ctime);
      writes.push(writeCalls(pid));
      peak = Math.max(peak, stats.memory);
    } catch {
      // the process is gone; the run reports what it has
    }
  };
  void take();
  const timer = setInterval(() => void take(), 1_000);
  return {
    async stop() {
      clearInterval(timer);
      await take();
      pidusage.clear();
      const mean = cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : 0;
      const cpuMs = cpuTimes.length > 1 ? cpuTimes.at(-1)! - cpuTimes[0]! : 0;
      const [firstWrites, lastWrites] = [writes[0], writes.at(-1)];
      const writeCount = writes.length > 1 && firstWrites != null && lastWrites != null ? lastWrites - firstWrites : null;
      return { cpuPercent: mean, cpuMs, peakRssMb: peak / 1024 / 1024, writeCalls: writeCount };
    },
  };
}
