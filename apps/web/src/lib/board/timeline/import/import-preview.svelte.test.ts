// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { sample, slackExport } from '@debrief/timeline-import/samples';
import { readChosenFiles } from './import-files.ts';
import { ImportPreview } from './import-preview.svelte.ts';

const existing = [{ at: '2026-03-08T04:55:31.000Z', what: 'Bob Okafor: ack, looking. error rate on checkout is 12% & climbing' }];
const preview = () => new ImportPreview(() => existing, { timeZone: 'UTC', date: '2026-03-08' });

it('reads a Slack export as the server will: format guessed, the duplicate left out, names as roles in the request', () => {
  const state = preview();
  state.load(slackExport());
  expect(state.format).toBe('slack');
  expect(state.parsed.rows).toHaveLength(12);
  expect([...state.duplicates]).toEqual([1]);
  expect(state.picked).not.toContain(1);
  state.setPicked(10, false);
  state.roles = { 'Bob Okafor': ' the on-call engineer ', 'Alice Chen': '' };
  const request = state.request();
  expect(request).toMatchObject({
    format: 'slack',
    timeZone: 'UTC',
    date: '2026-03-08',
    roles: [{ name: 'Bob Okafor', role: 'the on-call engineer' }],
  });
  expect(request.rows).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
  state.pickAll(false);
  expect(state.picked).toEqual([]);
});

it('names what is wrong with text that is not an import, and sends CSV columns as chosen', () => {
  const state = preview();
  state.load('hello\nworld');
  expect(state.parsed.error).toMatch('No line of this text starts with a time');
  state.load(sample('incident-notes.csv'));
  expect(state.format).toBe('csv');
  state.columns = { time: 'Time (local)', text: 'Who' };
  expect(state.request().columns).toEqual({ time: 'Time (local)', text: 'Who' });
  expect(state.parsed.rows[0]?.text).toBe('PagerDuty');
});

it('joins several files into the object the Slack reader takes, and refuses files over the limit before reading them', async () => {
  const day = sample('slack-export/incident-checkout/2026-03-08.json');
  const chosen = await readChosenFiles([new File([day], '2026-03-08.json'), new File([sample('slack-export/users.json')], 'users.json')]);
  expect(Object.keys(JSON.parse(chosen.content))).toEqual(['2026-03-08.json', 'users.json']);
  expect((await readChosenFiles([new File([day], 'one.json')])).content).toBe(day);
  const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.json');
  await expect(readChosenFiles([huge])).rejects.toThrow('These files hold 5.0 MB; an import reads at most 5.0 MB');
});
