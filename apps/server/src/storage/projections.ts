import * as Y from 'yjs';
import { responseTimes } from '@debrief/model';
import { readReportSnapshot, StoredReportError, type ActionListItem, type Report } from '@debrief/protocol';
import { liveActionItems, publishedActionItems } from '../actions/action-items.ts';
import type { ActionsIndexEntry, IndexedAction, PostmortemRecord, ReportIndexEntry } from './storage.ts';

/**
 * The index entries both adapters store, built here once so they cannot drift apart. Storage builds them when it
 * stores what they are made of, which is the one moment the findings document is decoded for them.
 */

/** Any day will do: the day only decides `overdue`, which the index leaves to the reader. */
const ANY_DAY = '1970-01-01';

const withoutOverdue = ({ overdue: _overdue, ...item }: Omit<ActionListItem, 'published'>): IndexedAction => item;

/**
 * A stored report as the indexes read it: upgraded like any read, but a damaged one is left out of the indexes
 * (reading it still fails, saying why) rather than failing every listing of the library and the actions.
 */
export function reportForIndex(stored: unknown): Report | null {
  if (stored === undefined || stored === null) return null;
  try {
    return readReportSnapshot(stored);
  } catch (error) {
    if (error instanceof StoredReportError) return null;
    throw error;
  }
}

/** The actions index entry of a post-mortem, from its record, its latest report (if any) and its findings document. */
export function actionsIndexEntry(record: PostmortemRecord, report: Report | null, findings: Uint8Array | null): ActionsIndexEntry {
  const doc = new Y.Doc();
  try {
    // A state that cannot be read lists no live actions rather than blocking the save that stores it.
    try {
      if (findings) Y.applyUpdate(doc, findings);
    } catch {
      doc.destroy();
      return actionsIndexEntry(record, report, null);
    }
    return {
      postmortemId: record.id,
      facilitatorKeyHash: record.keyHashes.facilitator,
      live: liveActionItems(record, doc, ANY_DAY).map(withoutOverdue),
      published: report ? publishedActionItems(record, report, doc, ANY_DAY).map(withoutOverdue) : null,
    };
  } finally {
    doc.destroy();
  }
}

/** The report index entry of a post-mortem whose latest version is `report`. */
export function reportIndexEntry(report: Report): ReportIndexEntry {
  const searched = [
    report.title,
    report.summary,
    report.impact,
    report.lessonsLearned,
    ...report.proximateCauses.map((f) => f.statement),
    ...report.rootCauses.map((f) => f.statement),
    ...report.contributingFactors.findings.map((f) => f.statement),
    ...report.wentWell.map((f) => f.statement),
    ...report.gotLucky.map((f) => f.statement),
    ...report.correctiveActions.map((a) => a.what),
    ...report.timeline.flatMap((e) => [e.what, e.known]),
  ];
  return {
    postmortemId: report.id,
    title: report.title,
    summary: report.summary,
    incidentAt: report.incidentAt,
    publishedAt: report.publishedAt,
    version: report.version,
    // The categories of what contributed and of the root causes: Learning and the library count both.
    factorCategories: [
      ...report.contributingFactors.findings.map((f) => f.category),
      ...report.rootCauses.flatMap((f) => (f.category ? [f.category] : [])),
    ],
    // As written (the library shows a snippet of the matching line); matching ignores case.
    searchText: searched.filter(Boolean).join('\n'),
    ...report.incident,
    responseTimes: responseTimes(report.incidentAt, report.timeline),
  };
}

/**
 * An index entry as stored, with what entries stored before report schema 4 lack filled in as their reports read
 * (no severity, services, teams, impact or markers), so readers need not know which server stored it.
 */
export function readIndexEntry(stored: ReportIndexEntry): ReportIndexEntry {
  return {
    ...stored,
    severity: stored.severity ?? '',
    services: stored.services ?? [],
    teams: stored.teams ?? [],
    impactMinutes: stored.impactMinutes ?? 0,
    responseTimes: stored.responseTimes ?? { detect: null, mitigate: null, resolve: null },
  };
}

/** What a report version counts toward its post-mortem's quota: the bytes of its JSON. */
export function reportBytes(report: Report): number {
  return Buffer.byteLength(JSON.stringify(report));
}
