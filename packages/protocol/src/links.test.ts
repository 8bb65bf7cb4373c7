import { describe, expect, it } from 'vitest';
import { documentName, parseDocumentName } from './documents.ts';
import { joinLink, keyFromFragment, postmortemIdFromPath } from './links.ts';
import { createPostmortemRequest } from './api.ts';

const id = 'abcdefgh12345678';

describe('links and document names', () => {
  it('round-trips a join link', () => {
    const url = new URL(joinLink('http://127.0.0.1:3000', id, 'K'.repeat(43)));
    expect(url.pathname).toBe(`/pm/${id}`);
    expect(postmortemIdFromPath(url.pathname)).toBe(id);
    expect(keyFromFragment(url.hash)).toBe('K'.repeat(43));
    expect(keyFromFragment('')).toBeNull();
  });

  it('parses only document names we serve', () => {
    expect(parseDocumentName(documentName(id, 'board'))).toEqual({ postmortemId: id, kind: 'board' });
    expect(parseDocumentName(`${id}/secrets`)).toBeNull();
    expect(parseDocumentName(`../../etc/board`)).toBeNull();
    expect(parseDocumentName(`${id}/board/extra`)).toBeNull();
  });
});

describe('create request', () => {
  it('trims and accepts a valid request', () => {
    const parsed = createPostmortemRequest.parse({ title: '  DB outage ', incidentAt: '2026-11-01T14:02:00Z' });
    expect(parsed.title).toBe('DB outage');
  });

  it('refuses missing, blank, oversized titles and unknown fields', () => {
    for (const body of [{}, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 'ok', extra: 1 }, { title: 5 }]) {
      expect(createPostmortemRequest.safeParse(body).success).toBe(false);
    }
    expect(createPostmortemRequest.safeParse({ title: 'ok', incidentAt: 'last tuesday' }).success).toBe(false);
  });
});
