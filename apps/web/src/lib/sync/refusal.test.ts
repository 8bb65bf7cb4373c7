import { describe, expect, it } from 'vitest';
import { meansDeleted, refusalMessage } from './refusal.ts';

describe('a refused connection', () => {
  it('says a post-mortem the server no longer knows was deleted, and sends anyone else for a fresh link', () => {
    expect(meansDeleted('deleted')).toBe(true);
    expect(refusalMessage('deleted')).toBe('This post-mortem has been deleted by its facilitator.');
    // Not found (the wrong database?) and Hocuspocus's own reason, sent when the check itself failed (storage
    // down): nothing is taken as deleted.
    for (const reason of ['not_found', 'wrong_key', 'missing_key', 'permission-denied', '']) {
      expect(meansDeleted(reason)).toBe(false);
      expect(refusalMessage(reason)).toMatch(/no longer valid.*fresh link/);
    }
  });
});
