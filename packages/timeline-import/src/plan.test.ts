import { describe, expect, it } from 'vitest';
import { parseImport } from './parse.ts';
import { authorsOf, findDuplicates, planImport } from './plan.ts';
import { sample, slackExport } from './samples.ts';

const slackRows = () => parseImport('slack', slackExport()).rows;

describe('planImport', () => {
  it('writes every row as "who: what" in file order when nothing is picked', () => {
    const plan = planImport(slackRows(), { maxText: 500 });
    expect(plan.events).toHaveLength(12);
    expect(plan.skipped).toBe(0);
    expect(plan.events[1]).toEqual({
      row: 1,
      at: '2026-03-08T04:55:31.000Z',
      what: 'Bob Okafor: ack, looking. error rate on checkout is 12% & climbing',
      source: 'Slack',
      marker: undefined,
    });
  });

  it('imports only the picked rows and counts the rest as skipped', () => {
    const plan = planImport(slackRows(), { maxText: 500, picked: [0, 3] });
    expect(plan.events.map((e) => e.row)).toEqual([0, 3]);
    expect(plan.skipped).toBe(10);
    expect(() => planImport(slackRows(), { maxText: 500, picked: [12] })).toThrow('Row 12 is not in this file (it has rows 0 to 11)');
    expect(() => planImport(slackRows(), { maxText: 500, picked: [] })).toThrow('No row is picked');
  });

  it('replaces names by roles in the author and the text', () => {
    const roles = [
      { name: 'Bob Okafor', role: 'the on-call engineer' },
      { name: 'Cara Lindqvist', role: 'the release manager' },
    ];
    const plan = planImport(slackRows(), { maxText: 500, roles, picked: [6] });
    expect(plan.events[0]?.what).toBe('the release manager: @the on-call engineer I can roll back 2.41 - shall I?');
  });

  it('flags rows an existing event already says within a minute, and leaves them out unless picked', () => {
    const rows = slackRows();
    const existing = [
      { at: '2026-03-08T05:12:30.000Z', what: 'Bob Okafor:  yes, roll back. @here we are rolling back checkout-api to 2.40' },
      { at: '2026-03-08T09:19:30.000Z', what: 'rollback done, connections dropping: 310/500' },
    ];
    expect([...findDuplicates(rows, existing)]).toEqual([7]);
    const plan = planImport(rows, { maxText: 500, existing });
    expect(plan.events.map((e) => e.row)).not.toContain(7);
    expect(plan.skipped).toBe(1);
    expect(planImport(rows, { maxText: 500, existing, picked: [7] }).events).toHaveLength(1);
  });

  it('shortens long text with an ellipsis, joins lines, and lists authors by how often they speak', () => {
    const rows = parseImport('csv', sample('incident-notes.csv'), { timeZone: 'UTC' }).rows;
    const plan = planImport(rows, { maxText: 40, picked: [4] });
    expect(plan.events[0]?.what).toBe('Cara Lindqvist: Rollback finished. Conn…');
    expect(authorsOf(rows)).toEqual(['Bob Okafor', 'Alice Chen', 'Cara Lindqvist', 'Cron', 'PagerDuty']);
  });
});
