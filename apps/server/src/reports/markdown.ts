import { httpUrl } from '@debrief/model';
import type { Report, ReportFactor } from '@debrief/protocol';
import { isDateTime, isDay, plainText } from '../actions/export-values.ts';

/**
 * Escapes user text for Markdown so it can never become a link, an image, HTML or a heading: one line, no control
 * characters, every Markdown punctuation mark escaped.
 */
export function mdText(text: string): string {
  return plainText(text)
    .replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`)
    .trim();
}

/**
 * Only http(s) links survive, in their parsed form (no spaces or control characters), with the characters that
 * could end a Markdown link destination or escape its closing parenthesis percent-encoded.
 */
export function mdLink(url: string): string {
  return (httpUrl(url) ?? '').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\\/g, '%5C');
}

const list = (items: string[], empty: string) => (items.length ? items.map((i) => `- ${i}`).join('\n') : `_${empty}_`);
const para = (text: string, empty: string) => (text.trim() ? mdText(text) : `_${empty}_`);

function factors(nodes: ReportFactor[], depth: number): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}- ${mdText(n.text || 'Untitled factor')}`, ...factors(n.children, depth + 1)]);
}

/** The report as Markdown, sections in the classic order; an empty section says so. */
export function reportMarkdown(report: Report): string {
  // Dates are written as they are only in their own shape; the server sets them, but old data is read here too.
  const when = isDateTime(report.incidentAt) ? `Incident: ${report.incidentAt} · ` : '';
  const published = isDateTime(report.publishedAt) ? report.publishedAt : 'unknown';
  const version = Number.isSafeInteger(report.version) ? report.version : '?';
  const cf = report.contributingFactors;
  const bones = cf.fishbone.categories.filter((c) => c.factors.length);
  return [
    `# ${mdText(report.title)}`,
    `${when}Published ${published} · version ${version}`,
    '## Summary',
    para(report.summary, 'No summary was written.'),
    '## Impact',
    para(report.impact, 'No impact was recorded.'),
    '## Timeline',
    list(
      report.timeline.map(
        (e) =>
          `**${mdText(e.at)}**${e.decisionPoint ? ' (decision point)' : ''}: ${mdText(e.what || 'untitled event')}${e.known ? ` — known then: ${mdText(e.known)}` : ''}${mdLink(e.evidence) ? ` ([evidence](${mdLink(e.evidence)}))` : ''}`,
      ),
      'No timeline events.',
    ),
    '## Contributing factors',
    list(
      cf.findings.map((f) => `${mdText(f.statement)}${f.category ? ` (${mdText(f.category)})` : ''}`),
      'No contributing factors were recorded as findings.',
    ),
    ...(bones.length
      ? ['', `Fishbone: ${mdText(cf.fishbone.problem)}`, '', ...bones.flatMap((c) => [`- **${mdText(c.name)}**`, ...factors(c.factors, 1)])]
      : []),
    '## Proximate cause',
    list(
      report.proximateCauses.map((f) => mdText(f.statement)),
      'No proximate cause was recorded.',
    ),
    '## Root causes',
    list(
      report.rootCauses.map((f) => mdText(f.statement)),
      'No root cause was recorded.',
    ),
    '## What went well',
    list(
      report.wentWell.map((f) => mdText(f.statement)),
      'Nothing was recorded.',
    ),
    '## Where we got lucky',
    list(
      report.gotLucky.map((f) => mdText(f.statement)),
      'Nothing was recorded.',
    ),
    '## Corrective actions',
    list(
      report.correctiveActions.map(
        (a) =>
          `${mdText(a.what || 'undescribed action')} — owner: ${mdText(a.owner || 'none')}, due: ${isDay(a.due) ? a.due : 'none'}, status: ${mdText(a.status)}${a.committed ? '' : ' (not committed)'}`,
      ),
      'No corrective actions.',
    ),
    '## Lessons learned',
    para(report.lessonsLearned, 'No lessons were written.'),
    '## Observations',
    list(
      report.observations.map(
        (o) => `${mdText(o.text)}${o.paraphrased ? ' _(paraphrased by the facilitator)_' : ''}${o.theme ? ` (${mdText(o.theme)})` : ''}`,
      ),
      'No anonymous observations.',
    ),
    '',
  ].join('\n\n');
}
