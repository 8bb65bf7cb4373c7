import { describe, expect, it } from 'vitest';
import { meansDeleted, refusalMessage } from './refusal.ts';

describe('a refused connection', () => {
  it('says a post-mortem the server no longer knows was deleted, and sends anyone else for a fresh link', () => {
    expect(meansDeleted('not_found')).toBe(true);
    expect(refusalMessage('not_found')).toBe('This post-mortem has been deleted by its facilitator.');
    // Hocuspocus's own reason, sent when the check itself failed (storage down): nothing is taken as deleted.
    for (const reason of ['wrong_key', 'missing_key', 'permission-denied', '']) {
      expect(meansDeleted(reason)).toBe(false);
      expect(refusalMessage(reason)).toMatch(/no longer valid.*fresh link/);
    }
  });
});
