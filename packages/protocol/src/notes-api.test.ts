import { describe, expect, it } from 'vitest';
import { editNoteRequest, moderateNotesRequest, revealRequest, submitNoteRequest } from './notes-api.ts';

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

describe('moderation and reveal requests', () => {
  it('takes hide and show in bulk and one paraphrase, and refuses anything else', () => {
    expect(moderateNotesRequest.parse({ action: 'hide', noteIds: ['abcdefgh12345678', '12345678abcdefgh'] }).action).toBe('hide');
    expect(moderateNotesRequest.parse({ action: 'paraphrase', noteId: 'abcdefgh12345678', text: ' The check relied on memory ' })).toEqual({
      action: 'paraphrase',
      noteId: 'abcdefgh12345678',
      text: 'The check relied on memory',
    });
    for (const body of [
      {},
      { action: 'delete', noteIds: ['abcdefgh12345678'] },
      { action: 'hide', noteIds: [] },
      { action: 'hide', noteIds: ['../etc'] },
      { action: 'paraphrase', noteId: 'abcdefgh12345678', text: '' },
      { action: 'paraphrase', noteId: 'abcdefgh12345678', text: 'x'.repeat(1001) },
      { action: 'show', noteIds: ['abcdefgh12345678'], extra: 1 },
    ]) {
      expect(moderateNotesRequest.safeParse(body).success).toBe(false);
    }
    expect(revealRequest.safeParse({ final: 'yes' }).success).toBe(false);
    expect(revealRequest.parse({})).toEqual({});
  });
});
