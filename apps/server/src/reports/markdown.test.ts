import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type Report } from '@debrief/protocol';
import MarkdownIt from 'markdown-it';
import { plainText } from '../actions/export-values.ts';
import { sampleReportAction } from '../storage/contract.ts';
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
    incident: { severity: '', services: [], teams: [], impactMinutes: 0 },
    timeline: [],
    contributingFactors: { findings: [], fishbone: { problem: '', categories: [] } },
    proximateCauses: [],
    rootCauses: [],
    wentWell: [],
    gotLucky: [],
    correctiveActions: [],
    lessonsLearned: '',
    observations: [],
    changes: null,
    ...patch,
  };
}

/** The lines a Markdown renderer sees: CRLF, a lone CR and LF all end a line. */
const mdLines = (markdown: string) => markdown.split(/\r\n|\r|\n/);

describe('report Markdown from hostile values', () => {
  it('writes the incident time only when it is an ISO date-time', () => {
    expect(reportMarkdown(report())).toContain('Incident began 2026-11-01 14:02 UTC · Published 2026-11-02 09:00 UTC · Version 1');
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
      expect(markdown).toContain('\n\nPublished 2026-11-02 09:00 UTC · Version 1\n\n');
    }
  });

  it('keeps every field on its line: no control character, no line break of any kind', () => {
    const nasty = 'a\rb\u2028c\u2029d\u0085e\u0000f\u001bg\u007fh\u009bi\r\n# j';
    const markdown = reportMarkdown(
      report({ title: nasty, summary: nasty, timeline: [{ at: nasty, what: nasty, known: nasty, marker: '', evidence: '' }] }),
    );
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/); // eslint-disable-line no-control-regex -- the point of the test
    expect(mdLines(markdown).filter((line) => line.startsWith('#') && !line.startsWith('## '))).toEqual(['# a b c d efghi # j']);
    expect(mdText(nasty)).toBe('a b c d efghi # j');
  });

  it('writes a due date only when it is YYYY-MM-DD', () => {
    const action = sampleReportAction({ id: 'a1', what: 'Fix it', owner: 'SRE' });
    expect(reportMarkdown(report({ correctiveActions: [{ ...action, due: '2026-12-01' }] }))).toContain(
      'Owner: SRE · Due: 2026-12-01 · Status: Open',
    );
    const markdown = reportMarkdown(report({ correctiveActions: [{ ...action, due: '2026-12-01\n\n[Pay here](https://phish.example)' }] }));
    expect(markdown).toContain('Owner: SRE · Due: none · Status: Open');
    expect(markdown).not.toContain('phish.example');
  });

  it('states severity, services, teams and impact, and the response times the markers give', () => {
    const markdown = reportMarkdown(
      report({
        incidentAt: '2026-03-08T04:30:00.000Z',
        incident: { severity: 'SEV2', services: ['checkout-api', 'payments_db'], teams: ['Payments'], impactMinutes: 75 },
        timeline: [
          { at: '2026-03-08T04:52:38.000Z', what: 'Page', known: '', marker: 'detection', evidence: '' },
          { at: '2026-03-08T07:05:30.000Z', what: 'Resolved', known: '', marker: 'resolution', evidence: '' },
        ],
      }),
    );
    expect(markdown).toContain('Severity SEV2 · Services: checkout-api, payments_db · Teams: Payments · Customer impact 1 h 15 min');
    expect(markdown).toContain("Time to detect: **23 min** · Time to resolve: **2 h 36 min** (from the incident's start).");
    expect(markdown).toContain('— Page _(detection)_');
  });

  it('links evidence only over http(s), percent-encoded so it cannot leave its link', () => {
    const event = { at: '2026-11-01T14:02:00.000Z', what: 'Deploy', known: '', marker: '' as const };
    const withEvidence = (evidence: string) => reportMarkdown(report({ timeline: [{ ...event, evidence }] }));
    expect(withEvidence('https://grafana.example/d/1')).toContain('  - Evidence: <https://grafana.example/d/1>');
    for (const evidence of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      expect(withEvidence(evidence)).not.toContain('Evidence:');
    }
    expect(mdLink('https://e.example/a) [x](javascript:alert(1)')).toBe('https://e.example/a%29%20[x]%28javascript:alert%281%29');
    // A backslash in the query would escape the link's closing parenthesis.
    expect(mdLink('https://e.example/?q=\\')).toBe('https://e.example/?q=%5C');
    expect(mdLink('https://e.example/\r\n# x')).toBe('https://e.example/#%20x');
    // A lone surrogate used to make encodeURI throw, failing the whole download.
    expect(() => withEvidence('https://e.example/\ud800')).not.toThrow();
  });
});

/** CommonMark itself, and markdown-it's default (GitHub-like: tables, strikethrough) as most paste targets read it. */
const RENDERERS = { commonmark: new MarkdownIt('commonmark'), default: new MarkdownIt() };

/** Every inline run a renderer finds, in order: its text as a reader sees it, and any markup it found in it. */
function inlineRuns(markdown: string, renderer: InstanceType<typeof MarkdownIt>): { text: string; markup: string[] }[] {
  return renderer
    .parse(markdown, {})
    .filter((token) => token.type === 'inline')
    .map((token) => ({
      text: (token.children ?? []).map((child) => (child.type === 'softbreak' ? ' ' : child.content)).join(''),
      markup: (token.children ?? []).map((child) => child.type).filter((type) => type !== 'text' && type !== 'softbreak'),
    }));
}

/** The run right after a heading's. */
const after = (runs: { text: string; markup: string[] }[], heading: string) => runs[runs.findIndex((run) => run.text === heading) + 1];

describe('report Markdown read by a CommonMark renderer (markdown-it)', () => {
  const hostile = [
    '**bold** and _em_ and *star*',
    '[click](javascript:alert(1)) and ![img](https://x.example/y.png)',
    '<script>alert(1)</script> <b>bold</b>',
    '<https://auto.example/link>',
    '# not a heading',
    '> not a quote',
    '- not a list',
    '+ nor this',
    '1. not ordered',
    '2017) not ordered either',
    '---',
    '***',
    '`code` and ```fence```',
    '~~struck~~ and ~one~',
    'a\\*b and C:\\path\\to and a trailing \\',
    'AT&T &amp; &#169; &copy',
    'snake_case_name, _leading and trailing_ words',
    '[ref]: https://x.example',
    'line one\n\n# line two',
  ];

  for (const [name, renderer] of Object.entries(RENDERERS)) {
    it(`shows hostile text as its text, with no markup, in every kind of place (${name})`, () => {
      for (const text of hostile) {
        const expected = plainText(text).trim();
        const runs = inlineRuns(
          reportMarkdown(
            report({
              title: text,
              summary: text,
              rootCauses: [{ statement: text }],
              timeline: [{ at: '2026-11-01T14:02:00.000Z', what: text, known: text, marker: '', evidence: '' }],
            }),
          ),
          renderer,
        );
        expect(runs[0], text).toEqual({ text: expected, markup: [] });
        expect(after(runs, 'Summary'), text).toEqual({ text: expected, markup: [] });
        expect(after(runs, 'Root causes'), text).toEqual({ text: expected, markup: [] });
        // The event's time is bold (ours); the rest of its line is the text, and "Known then" under it.
        expect(after(runs, 'Timeline')?.text, text).toBe(`2026-11-01 14:02 UTC — ${expected}`);
        expect(after(runs, 'Timeline')?.markup, text).toEqual(['strong_open', 'strong_close']);
        expect(runs[runs.findIndex((run) => run.text === 'Timeline') + 2], text).toEqual({ text: `Known then: ${expected}`, markup: [] });
      }
    });
  }

  it('writes a real report as it reads: no backslash, times in UTC, every sentence intact', () => {
    const written = report({
      title: 'Database outage: re-seed of the replica (db2) removed production data',
      summary: 'On 2017-01-31 an engineer ran rm -rf on the primary’s data directory (not the replica’s) during a re-seed.',
      impact: 'About 6 hours of issues, merge requests & comments were lost; ~5,000 projects affected (DMARC mail unaffected).',
      timeline: [
        {
          at: '2017-01-31T17:20:00.000Z',
          what: 'Spam load spikes: replication lag grows to 4 GB.',
          known: 'Lag alerts had fired before.',
          marker: '',
          evidence: 'https://status.example/incidents/1',
        },
        {
          at: '2017-01-31T23:27:00.000Z',
          what: 'Engineer runs rm -rf on the wrong host.',
          known: 'Two terminals looked alike.',
          marker: 'decision',
          evidence: '',
        },
      ],
      rootCauses: [{ statement: 'Backups (pg_dump 9.2 against 9.6) had silently failed; nobody was alerted.' }],
      correctiveActions: [
        {
          id: 'a1',
          what: 'Alert when a backup is missing or empty',
          owner: 'Infrastructure',
          due: '2017-02-10',
          status: 'Open',
          priority: 'high',
          kind: 'detect',
          trackerUrl: 'https://tracker.example/issues/1337',
          findings: ['Backups had silently failed.'],
          committed: true,
        },
      ],
    });
    const markdown = reportMarkdown(written);
    expect(markdown.match(/\\/g)).toBeNull();
    expect(markdown).not.toMatch(/\n\n\n/);
    expect(markdown).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(markdown).toContain('**2017-01-31 23:27 UTC** — Engineer runs rm -rf on the wrong host. _(key decision)_');
    expect(markdown).toContain('Timeline spans 6 h 7 min (first to last event)');
    expect(markdown).not.toContain('Time to detect');
    const text = inlineRuns(markdown, RENDERERS.commonmark)
      .map((run) => run.text)
      .join('\n');
    for (const sentence of [
      written.title,
      written.summary,
      written.impact,
      ...written.timeline.flatMap((e) => [e.what, e.known]),
      written.rootCauses[0]!.statement,
    ]) {
      expect(text).toContain(sentence);
    }
    expect(text).toContain('Owner: Infrastructure · Due: 2017-02-10 · Status: Open · High priority · Detect');
    expect(text).toContain('Tracker: https://tracker.example/issues/1337');
    expect(text).toContain('Evidence: https://status.example/incidents/1');
  });
});
