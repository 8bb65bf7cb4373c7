import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { LowdbStorage } from './storage/lowdb-storage.ts';

const config = readConfig();
const app = await createApp({
  storage: new LowdbStorage(config.dataDir),
  webDist: config.webDist,
  publicUrl: config.publicUrl,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

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
app.http.log.info(`Debrief is running at http://${config.host}:${(app.http.server.address() as { port: number }).port} (data in ${config.dataDir})`);
