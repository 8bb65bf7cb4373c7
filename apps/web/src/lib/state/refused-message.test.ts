import { expect, it } from 'vitest';
import { refusedMessage } from './refused-message.ts';

it('says in words what the server changed back, and how many more', () => {
  expect(refusedMessage({ type: 'refused', what: 'invalid-record', fixes: ['event.evidence is not an http(s) link'] })).toBe(
    'The board changed part of your last edit back for everyone: the event’s evidence is not an http(s) link.',
  );
  expect(
    refusedMessage({
      type: 'refused',
      what: 'invalid-record',
      fixes: ['action.statusReason was longer than 500 characters (trimmed)', 'action.x is not a field of this record'],
    }),
  ).toBe(
    'The board changed part of your last edit back for everyone: the action’s status reason was longer than 500 characters (trimmed) (and 1 more).',
  );
  expect(refusedMessage({ type: 'refused', what: 'invalid-record' })).toBe(
    'The board changed part of your last edit back for everyone: it did not fit what this board can store.',
  );
  expect(refusedMessage({ type: 'refused', what: 'schema-metadata' })).toContain('schema version');
});
