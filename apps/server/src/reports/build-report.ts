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
  ACTION_STATUS_LABELS,
  type FactorNode,
} from '@debrief/model';
import { REPORT_SCHEMA, type Report, type ReportFactor } from '@debrief/protocol';
import type { PostmortemRecord } from '../storage/storage.ts';

/** The three documents of a post-mortem, as Yjs updates. */
export interface ReportSources {
  board: Uint8Array | null;
  notes: Uint8Array | null;
  findings: Uint8Array | null;
}

const load = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
};

const factorTree = (nodes: FactorNode[]): ReportFactor[] => nodes.map((n) => ({ text: n.text, children: factorTree(n.children) }));

/** A name to replace with a role in the published timeline, e.g. "Dave" → "the on-call engineer". */
export interface NameReplacement {
  name: string;
  role: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces whole-word occurrences of each name (any case) with its role. */
export function replaceNames(text: string, replacements: readonly NameReplacement[]): string {
  return replacements.reduce(
    (out, { name, role }) => out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), () => role),
    text,
  );
}

/** Freezes the post-mortem into a report: classic structure, no authors, nothing that links a note to a person. */
export function buildReport(
  record: PostmortemRecord,
  sources: ReportSources,
  version: number,
  publishedAt: Date,
  names: readonly NameReplacement[] = [],
): Report {
  const [board, notes, findingsDoc] = [load(sources.board), load(sources.notes), load(sources.findings)];
  try {
    const meta = readMeta(board);
    const findings = readFindings(findingsDoc);
    const statements = (type: string) => findings.filter((f) => f.type === type).map((f) => ({ statement: f.statement }));
    const byId = new Map(findings.map((f) => [f.id, f.statement]));
    const themeOf = new Map(readThemes(board).flatMap((t) => t.noteIds.map((id) => [id, t.title || 'Untitled theme'] as const)));
    const review = readReview(findingsDoc);
    const fishbone = readFishbone(board);
    return {
      schema: REPORT_SCHEMA,
      id: record.id,
      version,
      publishedAt: publishedAt.toISOString(),
      title: meta.title || record.title,
      incidentAt: meta.incidentAt || record.incidentAt,
      summary: meta.summary || record.summary,
      impact: review.impact,
      timeline: readTimeline(board).map((e) => ({
        at: e.at,
        what: replaceNames(e.what, names),
        known: replaceNames(e.known, names),
        decisionPoint: e.decision,
        evidence: e.evidence,
      })),
      contributingFactors: {
        findings: findings.filter((f) => f.type === 'contributing').map((f) => ({ statement: f.statement, category: f.category })),
        fishbone: {
          problem: fishbone.problem,
          categories: fishbone.categories.map((c) => ({ name: c.name, factors: factorTree(c.factors) })),
        },
      },
      proximateCauses: statements('proximate'),
      rootCauses: statements('root'),
      wentWell: statements('went-well'),
      gotLucky: statements('lucky'),
      correctiveActions: readActions(findingsDoc).map((a) => ({
        what: a.what,
        owner: a.owner,
        due: a.due,
        status: ACTION_STATUS_LABELS[a.status],
        priority: a.priority,
        kind: a.kind,
        trackerUrl: a.trackerUrl,
        findings: a.findingIds.map((id) => byId.get(id)).filter((s): s is string => s !== undefined),
        committed: isCommitted(a),
      })),
      lessonsLearned: review.lessons,
      observations: readNotes(notes).map((n) => ({ text: n.text, theme: themeOf.get(n.id) ?? null })),
    };
  } finally {
    board.destroy();
    notes.destroy();
    findingsDoc.destroy();
  }
}
