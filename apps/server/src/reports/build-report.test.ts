import { expect, it } from 'vitest';
import { replaceNames } from './build-report.ts';

it('replaces whole names with roles, in any case, and nothing inside other words', () => {
  const names = [
    { name: 'Dave', role: 'the on-call engineer' },
    { name: 'Ana María', role: 'the incident commander' },
    { name: 'Li', role: '$& role' },
  ];
  expect(replaceNames('Dave restarted the primary; dave paged Ana María.', names)).toBe(
    'the on-call engineer restarted the primary; the on-call engineer paged the incident commander.',
  );
  expect(replaceNames('Davenport reviewed the Linux logs', names)).toBe('Davenport reviewed the Linux logs');
  expect(replaceNames('Li approved', names)).toBe('$& role approved');
});
