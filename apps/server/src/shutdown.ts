import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long requests still in flight get once every document is saved, before their connections are cut. */
export const HTTP_GRACE_MS = 5_000;
/** How often a shutdown step that is still running says so in the log. */
const STEP_REPORT_MS = 5_000;

/**
 * Every TCP connection the HTTP server holds, upgraded WebSockets and half-closed refusals included (the HTTP
 * server's own close waits for each of them), so a shutdown can cut what is left once nothing more can be lost.
 */
export function trackConnections(server: Server): { cutAll(): number } {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    cutAll() {
      const count = open.size;
      for (const socket of open) socket.destroy();
      return count;
    },
  };
}

/**
 * Runs a shutdown step, saying in the log every few seconds that it is still waiting and for what: a shutdown that
 * hangs then names its step instead of ending silently at the supervisor's SIGKILL.
 */
export async function step<T>(name: string, run: () => Promise<T>, warn: (message: string) => void): Promise<T> {
  const started = Date.now();
  const report = setInterval(() => warn(`shutdown still waiting for ${name} after ${Math.round((Date.now() - started) / 1000)} s`), STEP_REPORT_MS);
  report.unref();
  try {
    return await run();
  } finally {
    clearInterval(report);
  }
}
