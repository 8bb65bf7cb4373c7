import { expect, it } from 'vitest';
import { mentionsName, replaceNames } from './names.ts';

const names = [
  { name: 'Dave', role: 'the on-call engineer' },
  { name: 'Ana María', role: 'the incident commander' },
  { name: 'Ana', role: 'the reviewer' },
  { name: 'Chris', role: 'the DBA' },
  { name: 'Li', role: '$& role' },
];

it('replaces whole names with roles, in any case, longest first, and nothing inside other words', () => {
  expect(replaceNames('Dave restarted the primary; dave paged Ana María, then ANA.', names)).toBe(
    'the on-call engineer restarted the primary; the on-call engineer paged the incident commander, then the reviewer.',
  );
  expect(replaceNames('Davenport reviewed the Linux logs with Anastasia', names)).toBe('Davenport reviewed the Linux logs with Anastasia');
  expect(replaceNames('Li approved', names)).toBe('$& role approved');
});

it('keeps possessives possessive', () => {
  expect(replaceNames("Dave's laptop and Chris' runbook and Chris’s script", names)).toBe(
    "the on-call engineer's laptop and the DBA's runbook and the DBA’s script",
  );
});

it('never replaces inside a role it put in, and leaves text alone without names', () => {
  expect(
    replaceNames('Dave', [
      { name: 'Dave', role: 'Dave’s manager' },
      { name: 'manager', role: 'x' },
    ]),
  ).toBe('Dave’s manager');
  expect(replaceNames('Dave', [])).toBe('Dave');
  expect(replaceNames('Dave', [{ name: '  ', role: 'x' }])).toBe('Dave');
});

it('tells whether a text mentions a name the way the replacement finds it', () => {
  expect(mentionsName("Alice's deploy", 'alice')).toBe(true);
  expect(mentionsName('Malice aforethought', 'Alice')).toBe(false);
  expect(mentionsName('anything', ' ')).toBe(false);
});
