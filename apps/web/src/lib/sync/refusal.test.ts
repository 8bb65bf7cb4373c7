import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.ts';
import { answerMeansDeleted, meansDeleted, refusalMessage } from './refusal.ts';

describe('a refused connection', () => {
  it('says a deleted post-mortem was deleted, and sends anyone else refused for a fresh link', () => {
    expect(meansDeleted('deleted')).toBe(true);
    expect(refusalMessage('deleted')).toBe('This post-mortem was deleted by its facilitator.');
    // Not found (the wrong database?) and Hocuspocus's own reason, sent when the check itself failed (storage
    // down): nothing is taken as deleted.
    for (const reason of ['not_found', 'wrong_key', 'missing_key', 'permission-denied', '']) {
      expect(meansDeleted(reason)).toBe(false);
      expect(refusalMessage(reason)).toMatch(/no longer valid.*fresh link/);
    }
  });

  it('takes only a 410 carrying the API code as a deletion: not a 404, and not a 410 from a proxy in between', () => {
    expect(answerMeansDeleted(new ApiRequestError(410, 'deleted', 'gone'))).toBe(true);
    expect(answerMeansDeleted(new ApiRequestError(404, 'not_found', 'unknown'))).toBe(false);
    expect(answerMeansDeleted(new ApiRequestError(410, 'unknown', 'The server answered 410.'))).toBe(false);
    expect(answerMeansDeleted(new Error('network'))).toBe(false);
  });
});
