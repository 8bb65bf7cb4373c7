import pidusage from 'pidusage';

/**
 * Samples a process's CPU and memory once a second: CPU as % of one core (the mean of the samples) and as the CPU
 * time it used between the first sample and the last, memory as peak RSS.
 */
export function sampleProcess(pid: number): { stop(): Promise<{ cpuPercent: number; cpuMs: number; peakRssMb: number }> } {
  const cpu: number[] = [];
  const cpuTimes: number[] = [];
  let peak = 0;
  const take = async () => {
    try {
      const stats = await pidusage(pid);
      cpu.push(stats.cpu);
      cpuTimes.push(stats.ctime);
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
      return { cpuPercent: mean, cpuMs, peakRssMb: peak / 1024 / 1024 };
    },
  };
}
