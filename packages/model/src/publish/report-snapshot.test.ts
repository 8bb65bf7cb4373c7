import { expect, it } from 'vitest';
import { readReportSnapshot, REPORT_SCHEMA, StoredReportError } from './report-snapshot.ts';

const v1 = {
  schema: 'debrief.report/1',
  id: 'pm',
  version: 1,
  publishedAt: '2026-11-01T10:00:00.000Z',
  title: 'Checkout outage',
  incidentAt: null,
  summary: '',
  impact: '',
  timeline: [{ at: '2026-11-01T10:00:00.000Z', what: 'Alert fired', known: '', decisionPoint: false, evidence: '' }],
  contributingFactors: {
    findings: [],
    fishbone: { problem: 'p', categories: [{ name: 'Tooling', factors: [{ text: 'a', children: [{ text: 'b', children: [] }] }] }] },
  },
  proximateCauses: [],
  rootCauses: [],
  wentWell: [],
  gotLucky: [],
  correctiveActions: [
    {
      what: 'Route alerts',
      owner: 'SRE',
      due: '',
      status: 'Open',
      priority: 'high',
      kind: 'prevent',
      trackerUrl: '',
      findings: [],
      committed: false,
    },
  ],
  lessonsLearned: '',
  observations: [
    { text: 'muted', theme: null },
    { text: 'reworded', theme: 'Alerts', paraphrased: true },
  ],
};

it('upgrades a version 1 report through version 2: actions get an id (empty), observations say whether they were paraphrased, factors cite nothing, no changes are listed', () => {
  const report = readReportSnapshot(v1);
  expect(report.schema).toBe(REPORT_SCHEMA);
  expect(report.correctiveActions[0]!.id).toBe('');
  expect(report.observations.map((o) => o.paraphrased)).toEqual([false, true]);
  expect(report.contributingFactors.fishbone.categories[0]!.factors[0]!.children[0]).toEqual({ text: 'b', cites: null, children: [] });
  expect(report.changes).toBeNull();
  expect(readReportSnapshot(report)).toEqual(report);
});

it('upgrades a version 3 report: a decision point becomes the "decision" marker, the incident has no details yet', () => {
  const v3 = readReportSnapshot(v1) as unknown as Record<string, unknown>;
  const stored = {
    ...v3,
    schema: 'debrief.report/3',
    incident: undefined,
    timeline: [
      { at: '2026-11-01T10:00:00.000Z', what: 'Alert fired', known: '', decisionPoint: false, evidence: '' },
      { at: '2026-11-01T10:05:00.000Z', what: 'Rolled back', known: '', decisionPoint: true, evidence: '' },
    ],
  };
  const report = readReportSnapshot(stored);
  expect(report.timeline.map((e) => e.marker)).toEqual(['', 'decision']);
  expect(report.timeline[1]).not.toHaveProperty('decisionPoint');
  expect(report.incident).toEqual({ severity: '', services: [], teams: [], impactMinutes: 0 });
});

it('refuses what is not a report of a known schema, saying what is wrong', () => {
  expect(() => readReportSnapshot('{}')).toThrow(StoredReportError);
  expect(() => readReportSnapshot({ ...v1, schema: 'debrief.report/0' })).toThrow(/unknown schema \(debrief.report\/0\)/);
  expect(() => readReportSnapshot({ ...v1, timeline: [{ at: 5 }] })).toThrow(/timeline\.0\.at/);
});
