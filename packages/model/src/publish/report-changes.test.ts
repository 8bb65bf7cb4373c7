import { expect, it } from 'vitest';
import { reportChanges } from './report-changes.ts';
import { REPORT_SCHEMA, type Report } from './report-snapshot.ts';

const action = {
  id: 'a1',
  what: 'Alert on failed backups',
  owner: 'SRE',
  due: '2026-12-17',
  status: 'Open',
  priority: 'high',
  kind: 'detect',
  trackerUrl: '',
  findings: [],
  committed: true,
};

const version1: Report = {
  schema: REPORT_SCHEMA,
  id: 'pm',
  version: 1,
  publishedAt: '2026-12-01T10:00:00.000Z',
  title: 'Checkout outage',
  incidentAt: null,
  summary: 'Checkout failed for 40 minutes.',
  impact: '',
  incident: { severity: 'SEV2', services: ['checkout'], teams: [], impactMinutes: 40 },
  timeline: [{ at: '2026-11-30T14:02:00.000Z', what: 'Deploy started', known: '', marker: '', evidence: '' }],
  contributingFactors: {
    findings: [],
    fishbone: { problem: 'Checkout failed', categories: [{ name: 'Tooling', factors: [{ text: 'No canary', cites: null, children: [] }] }] },
  },
  proximateCauses: [{ statement: 'The deploy removed a column still read.' }],
  rootCauses: [],
  wentWell: [],
  gotLucky: [],
  correctiveActions: [action],
  lessonsLearned: '',
  observations: [],
  changes: null,
};

it('says nothing changed between identical versions', () => {
  expect(reportChanges(version1, { ...version1, version: 2 })).toEqual([]);
});

it('lists what changed section by section, matching actions by id', () => {
  const version2: Report = {
    ...version1,
    version: 2,
    summary: 'Checkout failed for 42 minutes.',
    impact: '3,100 orders were not taken.',
    timeline: [...version1.timeline, { at: '2026-11-30T14:10:00.000Z', what: 'Rolled back', known: '', marker: 'decision', evidence: '' }],
    rootCauses: [{ statement: 'Schema changes ship with the code that stops reading them.' }],
    proximateCauses: [{ statement: 'The deploy dropped a column the old code still read.' }],
    contributingFactors: {
      ...version1.contributingFactors,
      fishbone: {
        problem: 'Checkout failed',
        categories: [
          {
            name: 'Tooling',
            factors: [{ text: 'No canary', cites: { kind: 'event', at: '2026-11-30T14:02:00.000Z', text: 'Deploy started' }, children: [] }],
          },
        ],
      },
    },
    correctiveActions: [
      { ...action, due: '2026-12-24' },
      { ...action, id: 'a2', what: 'Add a canary stage' },
    ],
  };
  expect(reportChanges(version1, version2)).toEqual([
    'Summary reworded',
    'Impact written',
    'Timeline: 1 added',
    'Proximate cause: 1 added, 1 removed',
    'Root causes: 1 added',
    'Fishbone factors: 1 added, 1 removed',
    'Corrective actions: 1 added, 1 changed',
  ]);
});

it('names which incident details changed', () => {
  const version2: Report = { ...version1, version: 2, incident: { ...version1.incident, severity: 'SEV1', teams: ['Payments'] } };
  expect(reportChanges(version1, version2)).toEqual(['Incident details: severity, teams changed']);
});
