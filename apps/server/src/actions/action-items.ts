import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  httpUrl,
  isCommitted,
  isOverdue,
  readActions,
  readFindings,
  replaceNames,
  type ActionStatus,
} from '@debrief/model';
import { isItemId, type ActionListItem, type Report } from '@debrief/protocol';
import type * as Y from 'yjs';
import type { PostmortemRecord } from '../storage/storage.ts';
import { isDay } from './export-values.ts';

/*
 * A facilitator's client writes actions straight into the findings document, so any field can hold any string.
 * Every list, page and export reads them through here: an id of the wrong shape is replaced by its place in the
 * list, a due or done day that is not YYYY-MM-DD is left out (the action shows without a date), and a tracker link
 * that is not http(s) is dropped.
 */
const listId = (id: string | undefined, fallback: string) => (id !== undefined && isItemId(id) ? id : fallback);
const dayOrNone = (value: string) => (isDay(value) ? value : '');
const linkOrNone = (value: string) => httpUrl(value) ?? '';

/**
 * Every action as the findings document holds it now, for the post-mortem's facilitator (their key was presented):
 * drafts, names and actions added after publishing included, because it is their own working list.
 */
export function liveActionItems(record: PostmortemRecord, findingsDoc: Y.Doc, today: string): Omit<ActionListItem, 'published'>[] {
  const findings = new Map(readFindings(findingsDoc).map((f) => [f.id, f.statement]));
  return readActions(findingsDoc).map((action, index) => {
    const due = dayOrNone(action.due);
    return {
      postmortemId: record.id,
      postmortemTitle: record.title,
      id: listId(action.id, `action-${index}`),
      what: action.what,
      owner: action.owner,
      due,
      priority: action.priority,
      kind: action.kind,
      status: action.status,
      statusReason: action.statusReason,
      trackerUrl: linkOrNone(action.trackerUrl),
      doneAt: dayOrNone(action.doneAt),
      progressNote: action.progressNote,
      progressAt: dayOrNone(action.progressAt),
      findings: action.findingIds.map((id) => findings.get(id)).filter((s): s is string => s !== undefined),
      committed: isCommitted({ owner: action.owner, due }),
      overdue: isOverdue({ due, status: action.status }, today),
    };
  });
}

/**
 * The actions as the latest report published them, for everyone else: the words (title, what, owner, findings)
 * passed the publish gate and had names replaced by roles, so a name or an action added since publishing reaches no
 * one without the key. Only the follow-up moves on live (status, its reason and the progress note with the same names
 * replaced, the tracker link, the days done and noted), matched by action id; an action deleted since keeps its published status.
 */
export function publishedActionItems(
  record: PostmortemRecord,
  report: Report,
  findingsDoc: Y.Doc,
  today: string,
): Omit<ActionListItem, 'published'>[] {
  const live = new Map(readActions(findingsDoc).map((a) => [a.id, a]));
  return report.correctiveActions.map((published, index) => {
    const now = published.id ? live.get(published.id) : undefined;
    const status = now?.status ?? statusFromLabel(published.status);
    const item = {
      postmortemId: record.id,
      postmortemTitle: report.title,
      id: listId(published.id, `published-${index}`),
      what: published.what,
      owner: published.owner,
      due: dayOrNone(published.due),
      priority: published.priority as ActionListItem['priority'],
      kind: published.kind as ActionListItem['kind'],
      status,
      statusReason: now ? replaceNames(now.statusReason, report.names ?? []) : '',
      trackerUrl: linkOrNone(now?.trackerUrl ?? published.trackerUrl),
      doneAt: dayOrNone(now?.doneAt ?? ''),
      progressNote: now ? replaceNames(now.progressNote, report.names ?? []) : '',
      progressAt: dayOrNone(now?.progressAt ?? ''),
      findings: published.findings,
      committed: published.committed,
    };
    return { ...item, overdue: isOverdue(item, today) };
  });
}

/** A report stores the status as its label; reports from before action ids read their status back from it. */
function statusFromLabel(label: string): ActionStatus {
  return ACTION_STATUSES.find((status) => ACTION_STATUS_LABELS[status] === label) ?? 'open';
}
