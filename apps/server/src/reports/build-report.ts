import * as Y from 'yjs';
import {
  isCommitted,
  readActions,
  readFindings,
  readFishbone,
  readMeta,
  readNotes,
  readReview,
  readThemes,
  readTimeline,
  replaceNames,
  ACTION_STATUS_LABELS,
  type FactorNode,
  type NameReplacement,
} from '@debrief/model';
import { REPORT_SCHEMA, type Report, type ReportCitation, type ReportFactor } from '@debrief/protocol';
import type { PostmortemRecord } from '../storage/storage.ts';

/** The three documents of a post-mortem, as Yjs updates. */
export interface ReportSources {
  board: Uint8Array | null;
  notes: Uint8Array | null;
  findings: Uint8Array | null;
}

/** The documents loaded from their updates; the caller destroys them. */
export function loadSources(sources: ReportSources): { board: Y.Doc; notes: Y.Doc; findings: Y.Doc } {
  const load = (state: Uint8Array | null) => {
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc;
  };
  return { board: load(sources.board), notes: load(sources.notes), findings: load(sources.findings) };
}

/**
 * Freezes the post-mortem into a report: classic structure, no authors, nothing that links a note to a person.
 * Every text goes through the names-to-roles replacement, in every section (owners included), so a name the
 * facilitator listed reaches no format: page, JSON, Markdown, the fishbone drawn from it, the library.
 */
export function buildReport(
  record: PostmortemRecord,
  docs: { board: Y.Doc; notes: Y.Doc; findings: Y.Doc },
  version: number,
  publishedAt: Date,
  names: readonly NameReplacement[] = [],
): Omit<Report, 'changes'> {
  const { board, notes, findings: findingsDoc } = docs;
  const roles = (text: string) => replaceNames(text, names);
  const timeline = readTimeline(board);
  const revealed = readNotes(notes);
  // What a factor cites, in words, as published: an event with its time, an observation ('' once it was hidden).
  const events = new Map(timeline.map((e) => [e.id, { kind: 'event' as const, at: e.at, text: roles(e.what) }]));
  const observations = new Map(revealed.map((n) => [n.id, { kind: 'note' as const, at: '', text: n.moderation === 'hidden' ? '' : roles(n.text) }]));
  const cited = (evidence: FactorNode['evidence']): ReportCitation | null =>
    !evidence ? null : ((evidence.kind === 'event' ? events : observations).get(evidence.id) ?? null);
  const factorTree = (nodes: FactorNode[]): ReportFactor[] =>
    nodes.map((n) => ({ text: roles(n.text), cites: cited(n.evidence), children: factorTree(n.children) }));
  const meta = readMeta(board);
  const findings = readFindings(findingsDoc).map((f) => ({ ...f, statement: roles(f.statement) }));
  const statements = (type: string) => findings.filter((f) => f.type === type).map((f) => ({ statement: f.statement }));
  const byId = new Map(findings.map((f) => [f.id, f.statement]));
  const themeOf = new Map(readThemes(board).flatMap((t) => t.noteIds.map((id) => [id, roles(t.title) || 'Untitled theme'] as const)));
  const review = readReview(findingsDoc);
  const fishbone = readFishbone(board);
  return {
    schema: REPORT_SCHEMA,
    id: record.id,
    version,
    publishedAt: publishedAt.toISOString(),
    title: roles(meta.title || record.title),
    incidentAt: meta.incidentAt || record.incidentAt,
    summary: roles(meta.summary || record.summary),
    impact: roles(review.impact),
    incident: { severity: meta.severity, services: meta.services, teams: meta.teams, impactMinutes: meta.impactMinutes },
    timeline: timeline.map((e) => ({
      at: e.at,
      what: roles(e.what),
      known: roles(e.known),
      marker: e.marker,
      evidence: e.evidence,
    })),
    contributingFactors: {
      findings: findings.filter((f) => f.type === 'contributing').map((f) => ({ statement: f.statement, category: roles(f.category) })),
      fishbone: {
        problem: roles(fishbone.problem),
        categories: fishbone.categories.map((c) => ({ name: roles(c.name), factors: factorTree(c.factors) })),
      },
    },
    proximateCauses: statements('proximate'),
    rootCauses: findings
      .filter((f) => f.type === 'root')
      .map((f) => ({ statement: f.statement, ...(f.category ? { category: roles(f.category) } : {}) })),
    wentWell: statements('went-well'),
    gotLucky: statements('lucky'),
    correctiveActions: readActions(findingsDoc).map((a) => ({
      id: a.id,
      what: roles(a.what),
      owner: roles(a.owner),
      due: a.due,
      status: ACTION_STATUS_LABELS[a.status],
      priority: a.priority,
      kind: a.kind,
      trackerUrl: a.trackerUrl,
      findings: a.findingIds.map((id) => byId.get(id)).filter((s): s is string => s !== undefined),
      committed: isCommitted(a),
    })),
    lessonsLearned: roles(review.lessons),
    // Notes the facilitator hid are not published; a paraphrase says so.
    observations: revealed
      .filter((n) => n.moderation !== 'hidden')
      .map((n) => ({ text: roles(n.text), theme: themeOf.get(n.id) ?? null, paraphrased: n.moderation === 'paraphrased' })),
  };
}
