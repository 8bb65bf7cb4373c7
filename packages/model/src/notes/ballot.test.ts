import { expect, it } from 'vitest';
import { readBallot } from './ballot.ts';
import { MAX_VOTES_PER_PERSON } from './votes.ts';

const note = 'note:0123456789abcdef';

it('reads a stored ballot as its declaration allows: vote targets only, no more than a ballot may hold', () => {
  expect(readBallot([note, note, 'theme:abcdefabcdefabcd'])).toEqual([note, note, 'theme:abcdefabcdefabcd']);
  expect(readBallot([note, 'javascript:alert(1)', 42, null, 'note:short'])).toEqual([note]);
  expect(readBallot(Array.from({ length: 50 }, () => note))).toHaveLength(MAX_VOTES_PER_PERSON);
  expect(readBallot('note:0123456789abcdef')).toEqual([]);
  expect(readBallot(undefined)).toEqual([]);
});
