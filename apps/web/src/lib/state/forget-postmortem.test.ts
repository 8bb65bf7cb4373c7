// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { facilitatorKeys, rememberFacilitatorKey } from './facilitator-keys.ts';
import { forgetPostmortem } from './forget-postmortem.ts';
import { loadMyNotes, saveMyNotes } from './my-notes.ts';
import { rememberedSummary, rememberSummary } from './summary-cache.ts';

// IndexedDB is Chromium's to test (e2e/tests/safeguards.spec.ts); here, that its copy is asked to go.
const deleteOfflineCopy = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../sync/offline-copy.ts', () => ({ deleteOfflineCopy }));

const GONE = 'gonegonegonegone';
const KEPT = 'keptkeptkeptkept';

/** Everything a browser keeps of one post-mortem, as the board leaves it. */
async function visit(id: string) {
  saveMyNotes(id, [{ id: 'note0000000000aa', secret: 's'.repeat(43), text: 'Alerts went to an old channel', color: 'yellow', eventId: null }]);
  localStorage.setItem(`debrief:ballot:${id}`, 'b'.repeat(43));
  await rememberSummary(id, `key-of-${id}`, { id, title: `Title ${id}`, incidentAt: null, role: 'facilitator' });
  rememberFacilitatorKey(id, `key-of-${id}`);
}

describe('forgetting a deleted post-mortem', () => {
  beforeEach(() => localStorage.clear());

  it('removes what this browser kept of it, and nothing of any other post-mortem', async () => {
    await visit(GONE);
    await visit(KEPT);
    localStorage.setItem('debrief:name', 'Alice');

    await forgetPostmortem(GONE);

    expect(deleteOfflineCopy).toHaveBeenCalledWith(GONE);
    expect(Object.keys(localStorage).filter((name) => name.includes(GONE))).toEqual([]);
    expect(loadMyNotes(GONE)).toEqual([]);
    expect(await rememberedSummary(GONE, `key-of-${GONE}`)).toBeNull();
    expect(facilitatorKeys()).toEqual({ [KEPT]: `key-of-${KEPT}` });
    // The other post-mortem, and who this person is, stay.
    expect(loadMyNotes(KEPT)).toHaveLength(1);
    expect(localStorage.getItem(`debrief:ballot:${KEPT}`)).not.toBeNull();
    expect((await rememberedSummary(KEPT, `key-of-${KEPT}`))?.title).toBe(`Title ${KEPT}`);
    expect(localStorage.getItem('debrief:name')).toBe('Alice');
  });
});
