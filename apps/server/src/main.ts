import './heap-growth.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openInfrastructure } from './infrastructure.ts';

/** Start-up problems (bad settings, an unreachable database) end the process with one clear line, not a stack. */
function fail(error: unknown): never {
  console.error(`Debrief could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    return fail(error);
  }
})();
const infrastructure = await openInfrastructure(config).catch(fail);
const app = await createApp({
  storage: infrastructure.storage,
  lock: infrastructure.lock,
  storeLock: infrastructure.storeLock,
  extensions: infrastructure.extensions,
  onClose: infrastructure.onClose,
  rateLimiter: infrastructure.rateLimiter,
  accessSignal: infrastructure.accessSignal,
  trustProxy: config.trustProxy,
  webDist: config.webDist,
  publicUrl: config.publicUrl,
  allowedHosts: config.allowedHosts,
  loadLimits: config.loadLimits,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

// A failure in a background task (a Redis publish during a reconnect, say) is logged; it must not end every session.
process.on('unhandledRejection', (reason) => app.http.log.error({ err: reason }, 'unhandled rejection'));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.http.log.info({ signal }, 'saving open documents and shutting down');
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.http.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  });
}

await app.http.listen({ host: config.host, port: config.port });
if (config.allowedHosts === null) {
  app.http.log.warn(
    `PUBLIC_URL is not set and HOST=${config.host} reaches beyond this machine: links name whatever host a request names, and any host name is served. Set PUBLIC_URL to the address people use (and ALLOWED_HOSTS for other names).`,
  );
}
app.http.log.info(
  `Debrief is running at http://${config.host}:${(app.http.server.address() as { port: number }).port} (${infrastructure.description})`,
);
