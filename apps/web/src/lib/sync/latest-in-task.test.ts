import { describe, expect, it } from 'vitest';
import { latestInTask } from './latest-in-task.ts';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('latestInTask', () => {
  it('applies once for calls in a row, with the last value', async () => {
    const applied: (string | null)[] = [];
    const setEditing = latestInTask<string | null>((id) => applied.push(id));
    setEditing(null);
    setEditing('event-2');
    expect(applied).toEqual([]);
    await Promise.resolve();
    expect(applied).toEqual(['event-2']);
  });

  it('applies again in a later task, including a value equal to an earlier one', async () => {
    const applied: (string | null)[] = [];
    const setEditing = latestInTask<string | null>((id) => applied.push(id));
    setEditing('event-1');
    await nextTask();
    setEditing(null);
    await nextTask();
    setEditing('event-1');
    await nextTask();
    expect(applied).toEqual(['event-1', null, 'event-1']);
  });
});
