import pidusage from 'pidusage';
import { PROTOCOLS, type Closeable } from './protocols.ts';
import { startDebrief, startReference, type Target } from './targets.ts';

export interface MemoryResult {
  server: 'debrief' | 'reference';
  /** RSS of the server with nothing open, once settled. */
  idleMb: number;
  /** RSS each idle connection adds (all on one open document). */
  perConnectionKb: number;
  /** RSS each open document adds with one idle connection on it, beyond that connection's own. */
  perDocumentKb: number;
}

const SETTLE_MS = 3_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const rssMb = async (pid: number) => (await pidusage(pid)).memory / 1024 / 1024;

async function withTarget<T>(server: 'debrief' | 'reference', use: (target: Target) => Promise<T>): Promise<T> {
  const target = server === 'debrief' ? await startDebrief() : await startReference();
  try {
    return await use(target);
  } finally {
    await target.stop();
  }
}

/** Opens `count` idle connections to the given sessions in turn (each completes its handshake and first sync). */
async function openIdle(server: 'debrief' | 'reference', target: Target, sessions: number, perSession: number): Promise<Closeable[]> {
  const targets = await target.createSessions(sessions);
  const open: Closeable[] = [];
  for (const session of targets) {
    for (let i = 0; i < perSession; i++)
      open.push(
        await PROTOCOLS[server].connectReceiver(
          session,
          () => undefined,
          () => undefined,
        ),
      );
  }
  return open;
}

/**
 * What memory costs, measured apart from any traffic: a fresh server's settled RSS, then again with `connections`
 * idle connections on one document (the cost of a connection), and on another fresh server with `documents`
 * documents open, one idle connection each (the cost of a document, less its connection's).
 */
export async function measureMemory(server: 'debrief' | 'reference', connections = 2_000, documents = 500): Promise<MemoryResult> {
  const { idleMb, perConnectionKb } = await withTarget(server, async (target) => {
    await settle();
    const idle = await rssMb(target.pid);
    const open = await openIdle(server, target, 1, connections);
    await settle();
    const loaded = await rssMb(target.pid);
    open.forEach((c) => c.close());
    return { idleMb: idle, perConnectionKb: ((loaded - idle) * 1024) / connections };
  });
  const perDocumentKb = await withTarget(server, async (target) => {
    await settle();
    const idle = await rssMb(target.pid);
    const open = await openIdle(server, target, documents, 1);
    await settle();
    const loaded = await rssMb(target.pid);
    open.forEach((c) => c.close());
    return ((loaded - idle) * 1024) / documents - perConnectionKb;
  });
  pidusage.clear();
  return { server, idleMb, perConnectionKb, perDocumentKb };
}
