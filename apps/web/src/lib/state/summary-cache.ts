import type { PostmortemSummary } from '@debrief/protocol';

const PREFIX = 'debrief:summary:';

/** The cache entry's name: the post-mortem and a digest of the key (the role depends on the key). */
async function entryName(postmortemId: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  const hex = Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${PREFIX}${postmortemId}:${hex}`;
}

/**
 * What the server said about a post-mortem for this key (title, role…), kept so the board opens from this
 * device's copy when a reload happens without network.
 */
export async function rememberSummary(postmortemId: string, key: string, summary: PostmortemSummary): Promise<void> {
  try {
    localStorage.setItem(await entryName(postmortemId, key), JSON.stringify(summary));
  } catch {
    // Without storage (or crypto in an insecure context) an offline reload simply cannot open the board.
  }
}

/** The remembered summary, or null. */
export async function rememberedSummary(postmortemId: string, key: string): Promise<PostmortemSummary | null> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(await entryName(postmortemId, key)) ?? 'null');
    return isSummary(value) && value.id === postmortemId ? value : null;
  } catch {
    return null;
  }
}

/** Forgets every remembered summary of a post-mortem, whatever the key (it was deleted). */
export function forgetSummaries(postmortemId: string): void {
  try {
    const prefix = `${PREFIX}${postmortemId}:`;
    const names = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((name) => name?.startsWith(prefix));
    for (const name of names) localStorage.removeItem(name!);
  } catch {
    // Without storage there is nothing kept.
  }
}

function isSummary(value: unknown): value is PostmortemSummary {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    (v.incidentAt === null || typeof v.incidentAt === 'string') &&
    (v.role === 'facilitator' || v.role === 'participant')
  );
}
