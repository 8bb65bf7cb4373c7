import { describe, expect, it } from 'vitest';
import { editNoteRequest, submitNoteRequest } from './notes-api.ts';

describe('note requests', () => {
  it('accepts text with optional colour and event link', () => {
    expect(submitNoteRequest.parse({ text: '  Alerts went to an unwatched channel ' })).toEqual({
      text: 'Alerts went to an unwatched channel',
    });
    expect(submitNoteRequest.parse({ text: 'x', color: 'pink', eventId: 'abcdefgh12345678' }).color).toBe('pink');
  });

  it('refuses empty, over-long, unknown colours, bad event ids and extra fields', () => {
    for (const body of [
      {},
      { text: '  ' },
      { text: 'x'.repeat(1001) },
      { text: 'x', color: '#ff0000' },
      { text: 'x', eventId: '../etc' },
      { text: 'x', author: 'me' },
    ]) {
      expect(submitNoteRequest.safeParse(body).success).toBe(false);
    }
  });

  it('needs at least one field to edit', () => {
    expect(editNoteRequest.safeParse({}).success).toBe(false);
    expect(editNoteRequest.safeParse({ text: 'better wording' }).success).toBe(true);
    expect(editNoteRequest.safeParse({ eventId: null }).success).toBe(true);
  });
});
