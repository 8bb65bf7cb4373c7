import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type Report } from '@debrief/protocol';
import { mdLink, mdText, reportMarkdown } from './markdown.ts';

/** A report as storage could hand it back: the server builds it, but from documents clients wrote. */
function report(patch: Partial<Report> = {}): Report {
  return {
    schema: REPORT_SCHEMA,
    id: '0123456789abcdef',
    version: 1,
    publishedAt: '2026-11-02T09:00:00.000Z',
    title: 'Checkout outage',
    incidentAt: '2026-11-01T14:02:00.000Z',
    summary: 'Checkouts failed.',
    impact: '',
    timeline: [],
    contributingFactors: { findings: [], fishbone: { problem: '', categories: [] } },
    proximateCauses: [],
    rootCauses: [],
    wentWell: [],
    gotLucky: [],
    correctiveActions: [],
    lessonsLearned: '',
    observations: [],
    ...patch,
  };
}

/** The lines a Markdown renderer sees: CRLF, a lone CR and LF all end a line. */
const mdLines = (markdown: string) => markdown.split(/\r\n|\r|\n/);

describe('report Markdown from hostile values', () => {
  it('writes the incident time only when it is an ISO date-time', () => {
    expect(reportMarkdown(report())).toContain('Incident: 2026-11-01T14:02:00.000Z · Published 2026-11-02T09:00:00.000Z · version 1');
    for (const incidentAt of [
      '2026-11-01\n\n# You have been hacked\n\n[Log in again](https://phish.example)',
      '2026-11-01T14:02:00Z\r# Hacked',
      '<img src=x onerror=alert(1)>',
    ]) {
      const markdown = reportMarkdown(report({ incidentAt }));
      expect(markdown).not.toContain('phish.example');
      expect(markdown).not.toContain('Hacked');
      expect(markdown).not.toContain('<img');
      expect(mdLines(markdown).filter((line) => line.startsWith('# '))).toEqual(['# Checkout outage']);
      expect(markdown).toContain('\n\nPublished 2026-11-02T09:00:00.000Z · version 1\n\n');
    }
  });

  it('keeps every field on its line: no control character, no line break of any kind', () => {
    const nasty = 'a\rb\u2028c\u2029d\u0085e\u0000f\u001bg\u007fh\u009bi\r\n# j';
    const markdown = reportMarkdown(
      report({ title: nasty, summary: nasty, timeline: [{ at: nasty, what: nasty, known: nasty, decisionPoint: false, evidence: '' }] }),
    );
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/); // eslint-disable-line no-control-regex -- the point of the test
    expect(mdLines(markdown).filter((line) => line.startsWith('#') && !line.startsWith('## '))).toEqual(['# a b c d efghi \\# j']);
    expect(mdText(nasty)).toBe('a b c d efghi \\# j');
  });

  it('writes a due date only when it is YYYY-MM-DD', () => {
    const action = {
      id: 'a1',
      what: 'Fix it',
      owner: 'SRE',
      status: 'Open',
      priority: 'high',
      kind: 'prevent',
      trackerUrl: '',
      findings: [],
      committed: true,
    };
    expect(reportMarkdown(report({ correctiveActions: [{ ...action, due: '2026-12-01' }] }))).toContain('owner: SRE, due: 2026-12-01, status: Open');
    const markdown = reportMarkdown(report({ correctiveActions: [{ ...action, due: '2026-12-01\n\n[Pay here](https://phish.example)' }] }));
    expect(markdown).toContain('owner: SRE, due: none, status: Open');
    expect(markdown).not.toContain('phish.example');
  });

  it('links evidence only over http(s), percent-encoded so it cannot leave its link', () => {
    const event = { at: '2026-11-01T14:02:00.000Z', what: 'Deploy', known: '', decisionPoint: false };
    const withEvidence = (evidence: string) => reportMarkdown(report({ timeline: [{ ...event, evidence }] }));
    expect(withEvidence('https://grafana.example/d/1')).toContain('([evidence](https://grafana.example/d/1))');
    for (const evidence of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      expect(withEvidence(evidence)).not.toContain('evidence]');
    }
    expect(mdLink('https://e.example/a) [x](javascript:alert(1)')).toBe('https://e.example/a%29%20[x]%28javascript:alert%281%29');
    // A backslash in the query would escape the link's closing parenthesis.
    expect(mdLink('https://e.example/?q=\\')).toBe('https://e.example/?q=%5C');
    expect(mdLink('https://e.example/\r\n# x')).toBe('https://e.example/#%20x');
    // A lone surrogate used to make encodeURI throw, failing the whole download.
    expect(() => withEvidence('https://e.example/\ud800')).not.toThrow();
  });
});
