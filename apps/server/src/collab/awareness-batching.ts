import type { Document } from '@hocuspocus/server';

/**
 * How long presence changes on one document are gathered before they go out: a browser sends its pointer at most
 * 20 times a second, so one window per pointer step.
 */
export const AWARENESS_WINDOW_MS = 50;

/**
 * Sends a document's presence changes once per window, each client's latest state only, instead of once per message.
 * Fifty people moving pointers send about a thousand awareness messages a second; relayed one by one, each goes to
 * all fifty connections (50,000 sends a second, more than two cores keep up with, so edits queue behind pointers).
 * Gathered, each connection gets at most 20 presence messages a second however many people point.
 *
 * Document edits are not delayed: Hocuspocus's own batching (`flushDelay`) would hold both, and edits are what people
 * wait for (docs/decisions.md). Upstream, a separate `awarenessFlushDelay` option would make this wrapper unnecessary.
 */
export function batchAwareness(document: Document, windowMs = AWARENESS_WINDOW_MS): void {
  // Hocuspocus 4.7's (private) broadcast of awareness changes: the version is pinned and patched (patches/), and
  // awareness-batching.test.ts fails should an upgrade rename it.
  const relay = document as unknown as { broadcastAwarenessUpdate(changedClients: number[]): void };
  const send = relay.broadcastAwarenessUpdate.bind(document);
  const pending = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  relay.broadcastAwarenessUpdate = (changedClients: number[]) => {
    for (const clientId of changedClients) pending.add(clientId);
    timer ??= setTimeout(() => {
      timer = null;
      const clients = [...pending];
      pending.clear();
      if (!document.isDestroyed) send(clients);
    }, windowMs);
  };
}
