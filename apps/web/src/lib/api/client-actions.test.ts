import { afterEach, describe, expect, it, vi } from 'vitest';
import { FACILITATOR_KEYS_HEADER } from '@debrief/protocol';
import { ApiRequestError, fetchActionsFile, listActions } from './client.ts';

const id = 'abcdefgh12345678';
const key = 'K'.repeat(43);

/** Replaces fetch with one answering `response`; returns the calls it received. */
function stubFetch(response: () => Response) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    return response();
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the Actions page requests', () => {
  it('send the facilitator keys in X-Debrief-Keys, never in the URL, and no header without keys', async () => {
    const calls = stubFetch(() => new Response(JSON.stringify({ today: '2026-11-01', items: [] }), { status: 200 }));
    await listActions({ [id]: key });
    await listActions();
    expect(calls[0]).toMatchObject({ url: '/api/actions', headers: { [FACILITATOR_KEYS_HEADER]: `${id}:${key}` } });
    expect(calls[1]!.headers[FACILITATOR_KEYS_HEADER]).toBeUndefined();
    for (const call of calls) expect(call.url).not.toContain(key);
  });

  it('fetch the CSV and iCalendar files with the same keys, under the name the server suggests', async () => {
    const calls = stubFetch(
      () => new Response('Post-mortem,Action\r\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="debrief-actions.csv"' } }),
    );
    const file = await fetchActionsFile('csv', { [id]: key, 'not-an-id': 'x' });
    expect(calls[0]).toEqual({ url: '/api/actions.csv', headers: { [FACILITATOR_KEYS_HEADER]: `${id}:${key}` } });
    expect(file.filename).toBe('debrief-actions.csv');
    expect(await file.blob.text()).toBe('Post-mortem,Action\r\n');

    stubFetch(() => new Response('BEGIN:VCALENDAR', { status: 200 }));
    expect((await fetchActionsFile('ics')).filename).toBe('debrief-actions.ics');
  });

  it('turn an error answer into an ApiRequestError with the server message', async () => {
    stubFetch(() => new Response(JSON.stringify({ error: { code: 'bad_request', message: 'x-debrief-keys must be…' } }), { status: 400 }));
    await expect(fetchActionsFile('csv', { [id]: key })).rejects.toEqual(new ApiRequestError(400, 'bad_request', 'x-debrief-keys must be…'));
  });
});
