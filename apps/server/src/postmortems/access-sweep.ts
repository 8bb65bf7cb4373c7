import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { keyOpens, type CollabContext } from '../collab/auth.ts';
import type { Storage } from '../storage/storage.ts';
import { closeRevoked } from './revoke-access.ts';

/** How often every open connection's key is checked again, unless the app is told otherwise. */
export const ACCESS_RECHECK_MS = 60_000;

/**
 * Every so often, checks the key of every connection open on this instance against storage and closes those that
 * no longer open their post-mortem. Replacing links and deleting close connections on every instance at once
 * (revoke-access.ts); this catches what that signal missed, e.g. when Redis was down at the time. One storage read
 * per open post-mortem. Returns a function that stops it.
 */
export function sweepRevokedAccess(
  collab: Hocuspocus,
  storage: Storage,
  log: { warn(obj: object, msg: string): void },
  intervalMs = ACCESS_RECHECK_MS,
): () => void {
  let running = false;
  const sweep = async () => {
    const byPostmortem = new Map<string, Connection[]>();
    for (const document of collab.documents.values()) {
      for (const connection of document.connections.keys()) {
        const context = connection.context as Partial<CollabContext> | undefined;
        if (!context?.postmortemId) continue;
        const list = byPostmortem.get(context.postmortemId);
        if (list) list.push(connection);
        else byPostmortem.set(context.postmortemId, [connection]);
      }
    }
    for (const [postmortemId, connections] of byPostmortem) {
      try {
        const postmortem = await storage.getPostmortem(postmortemId);
        for (const connection of connections) {
          if (!keyOpens(postmortem, connection.context as CollabContext)) closeRevoked(connection);
        }
      } catch (error) {
        // Storage is down: keep everyone as they are and look again next time.
        log.warn({ err: error, postmortemId }, 'could not check open connections against their post-mortem');
      }
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void sweep().finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
