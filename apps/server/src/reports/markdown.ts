import { httpUrl, MARKER_LABELS, RESPONSE_TIME_LABELS, responseTimes } from '@debrief/model';
import { actionLabels, citationText, formatMinutes, formatUtc, timelineSpan, type Report, type ReportFactor } from '@debrief/protocol';
import { isDay, plainText } from '../actions/export-values.ts';

/**
 * CommonMark's inline constructs, escaped only where they could act: code spans, emphasis (`_` only at a word's
 * edge, where it can open or close one), strikethrough, links and images, autolinks and HTML, entity references, and a
 * backslash only before the punctuation it would escape, tildes only when there are two or more. "re-seed", "(DMARC)" and "a_b" stay as written.
 */
const INLINE = /\\(?=[!-/:-@[-`{-~])|[`*~[\]<]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[\p{L}\p{N}]+;)/gu;

/** User text inside a line: one line, no control characters, nothing that Markdown would read as markup. */
export function mdInline(text: string): string {
  const line = plainText(text).trim();
  // Strikethrough needs a pair: a lone tilde ("~5,000") is left as written.
  const pairedTildes = line.indexOf('~') !== line.lastIndexOf('~');
  return line.replace(INLINE, (c) => (c === '~' && !pairedTildes ? c : `\\${c}`));
}

/**
 * User text that starts a block (a paragraph, a list item's first line): also what would open a heading, a quote,
 * a list or a thematic break there is escaped.
 */
export function mdText(text: string): string {
  return mdInline(text)
    .replace(/^[#>+-]/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Only http(s) links survive, in their parsed form (no spaces or control characters), with the characters that
 * could end a Markdown link destination or escape its closing parenthesis percent-encoded.
 */
export function mdLink(url: string): string {
  return (httpUrl(url) ?? '').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\\/g, '%5C');
}

/** A link written as its own address (an autolink), so the URL is what a reader sees and what prints. */
const autolink = (url: string) => (mdLink(url) ? `<${mdLink(url)}>` : '');

const list = (items: string[], empty: string) => (items.length ? items.map((item) => `- ${item}`).join('\n') : `_${empty}_`);
const para = (text: string, empty: string) => (text.trim() ? mdText(text) : `_${empty}_`);
/** Lines under a list item, as a nested list (two spaces: the item's content starts after "- "). */
const nested = (lines: string[], depth = 1) => lines.map((line) => `\n${'  '.repeat(depth)}- ${line}`).join('');

function factors(nodes: ReportFactor[], depth: number): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}- ${mdText(n.text || 'Untitled factor')}${n.cites ? ` (cites ${mdInline(citationText(n.cites))})` : ''}`,
    ...factors(n.children, depth + 1),
  ]);
}

/** The line under the title: when it began, how long the timeline spans, when and which version was published. */
function metadata(report: Report): string {
  const span = timelineSpan(report);
  const version = Number.isSafeInteger(report.version) ? report.version : '?';
  return [
    formatUtc(report.incidentAt) && `Incident began ${formatUtc(report.incidentAt)}`,
    span && `Timeline spans ${formatMinutes(span.minutes)} (first to last event)`,
    `Published ${formatUtc(report.publishedAt) || 'at an unknown time'}`,
    `Version ${version}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Time to detect, mitigate and resolve, for those the timeline marks (nothing when it marks none). */
function responseLine(report: Report): string[] {
  const times = responseTimes(report.incidentAt, report.timeline);
  const known = (Object.keys(times) as (keyof typeof times)[]).flatMap((key) => {
    const minutes = times[key];
    return minutes === null ? [] : [`${RESPONSE_TIME_LABELS[key]}: **${formatMinutes(minutes)}**`];
  });
  return known.length ? [`${known.join(' · ')} (from the incident's start).`] : [];
}

/** Severity, services, teams and customer impact, as one line (nothing when none was set). */
function incidentLine(report: Report): string {
  const { severity, services, teams, impactMinutes } = report.incident;
  return [
    severity && `Severity ${severity}`,
    services.length > 0 && `Services: ${services.map(mdInline).join(', ')}`,
    teams.length > 0 && `Teams: ${teams.map(mdInline).join(', ')}`,
    impactMinutes > 0 && `Customer impact ${formatMinutes(impactMinutes)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

const statements = (items: { statement: string }[]) => items.map((item) => mdText(item.statement));

/** The report as CommonMark, sections in the order of REPORT_SECTIONS; an empty section says so. */
export function reportMarkdown(report: Report): string {
  const cf = report.contributingFactors;
  const bones = cf.fishbone.categories.filter((c) => c.factors.length);
  const changes = report.changes;
  return [
    `# ${mdText(report.title)}`,
    metadata(report),
    ...(incidentLine(report) ? [incidentLine(report)] : []),
    ...(changes?.items.length ? [`Changes since version ${changes.since}:`, list(changes.items.map(mdText), '')] : []),
    '## Summary',
    para(report.summary, 'No summary was written.'),
    '## Impact',
    para(report.impact, 'No impact was recorded.'),
    '## Timeline',
    ...responseLine(report),
    list(
      report.timeline.map(
        (e) =>
          `**${formatUtc(e.at) || 'No time set'}** — ${mdInline(e.what || 'Untitled event')}${e.marker ? ` _(${MARKER_LABELS[e.marker].toLowerCase()})_` : ''}` +
          nested([...(e.known ? [`Known then: ${mdInline(e.known)}`] : []), ...(autolink(e.evidence) ? [`Evidence: ${autolink(e.evidence)}`] : [])]),
      ),
      'No timeline events.',
    ),
    '## Proximate cause',
    list(statements(report.proximateCauses), 'No proximate cause was recorded.'),
    '## Root causes',
    list(
      report.rootCauses.map((f) => `${mdText(f.statement)}${f.category ? ` (${mdInline(f.category)})` : ''}`),
      'No root cause was recorded.',
    ),
    '## Contributing factors',
    list(
      cf.findings.map((f) => `${mdText(f.statement)}${f.category ? ` (${mdInline(f.category)})` : ''}`),
      'No contributing factors were recorded as findings.',
    ),
    ...(bones.length
      ? [
          `Fishbone: ${mdInline(cf.fishbone.problem) || 'no problem statement'}`,
          bones.flatMap((c) => [`- **${mdInline(c.name)}**`, ...factors(c.factors, 1)]).join('\n'),
        ]
      : []),
    '## What went well',
    list(statements(report.wentWell), 'Nothing was recorded.'),
    '## Where we got lucky',
    list(statements(report.gotLucky), 'Nothing was recorded.'),
    '## Corrective actions',
    list(
      report.correctiveActions.map(
        (a) =>
          mdText(a.what || 'Undescribed action') +
          nested([
            [
              `Owner: ${mdInline(a.owner) || 'none'}`,
              `Due: ${isDay(a.due) ? a.due : 'none'}`,
              `Status: ${mdInline(a.status)}`,
              ...actionLabels(a),
            ].join(' · '),
            ...(autolink(a.trackerUrl) ? [`Tracker: ${autolink(a.trackerUrl)}`] : []),
            ...a.findings.map((finding) => `For: ${mdInline(finding)}`),
            ...(a.committed ? [] : ['Not committed: it has no owner or no due date']),
          ]),
      ),
      'No corrective actions.',
    ),
    '## Lessons learned',
    para(report.lessonsLearned, 'No lessons were written.'),
    '## Observations',
    list(
      report.observations.map(
        (o) => `${mdText(o.text)}${o.paraphrased ? ' _(paraphrased by the facilitator)_' : ''}${o.theme ? ` (theme: ${mdInline(o.theme)})` : ''}`,
      ),
      'No anonymous observations.',
    ),
  ]
    .join('\n\n')
    .concat('\n');
}
