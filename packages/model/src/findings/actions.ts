import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { ACTION_RECORD } from '../schema/findings-records.ts';
import { readField, readRecord, writeFields } from '../schema/fields.ts';

/**
 * Corrective actions in `<id>/findings`, declared in schema/findings-records.ts (only the facilitator writes them;
 * after the session, the server updates status on a facilitator key's behalf).
 */
import { type ActionKind, type ActionPriority, type ActionStatus } from './action-values.ts';

export * from './action-values.ts';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};

export interface CorrectiveAction {
  id: string;
  findingIds: string[];
  what: string;
  owner: string;
  due: string;
  priority: ActionPriority;
  kind: ActionKind;
  status: ActionStatus;
  statusReason: string;
  trackerUrl: string;
  /** The day it was marked done (YYYY-MM-DD), for "done on time"; '' otherwise. */
  doneAt: string;
  /** How it is going, as its owner (or the facilitator) last wrote after the session; '' until then. */
  progressNote: string;
  /** The day `progressNote` was written (YYYY-MM-DD); '' without one. */
  progressAt: string;
  order: number;
}

/** The fields set whole (free text `what` is edited through its Y.Text). */
export type ActionPatch = Partial<Omit<CorrectiveAction, 'id' | 'what' | 'order'>>;

export const actionsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('actions');

/** The findings an action addresses; documents before schema version 4 kept them as a JSON string. */
export function readFindingIds(value: unknown): string[] {
  return readField(ACTION_RECORD.fields.findingIds, value) as string[];
}

/**
 * Makes an action's findings exactly `ids` by inserting and deleting entries of its Y.Array, never replacing it, so
 * two people linking different findings at once both keep theirs.
 */
function setFindingIds(entry: Y.Map<unknown>, ids: readonly string[]): void {
  const list = entry.get('findingIds');
  if (!(list instanceof Y.Array)) {
    entry.set('findingIds', Y.Array.from([...new Set(ids)]));
    return;
  }
  const wanted = new Set(ids);
  const present = list.toArray() as unknown[];
  for (let i = present.length - 1; i >= 0; i--) {
    const id = present[i];
    if (typeof id !== 'string' || !wanted.has(id) || present.indexOf(id) !== i) list.delete(i, 1);
  }
  const kept = new Set(list.toArray() as string[]);
  const missing = [...wanted].filter((id) => !kept.has(id));
  if (missing.length > 0) list.push(missing);
}

/** Every corrective action, in order. */
export function readActions(doc: Y.Doc): CorrectiveAction[] {
  const actions: CorrectiveAction[] = [];
  actionsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    actions.push({ ...readRecord(entry, ACTION_RECORD), id });
  });
  return actions.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** An action is committed only with an owner and a due date. */
export function isCommitted(action: Pick<CorrectiveAction, 'owner' | 'due'>): boolean {
  return action.owner.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(action.due);
}

/** True when an unfinished action's due date is before `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<CorrectiveAction, 'due' | 'status'>, today: string): boolean {
  return (action.status === 'open' || action.status === 'in_progress') && action.due !== '' && action.due < today;
}

/** Adds an action for the given findings; returns its id. */
export function addAction(doc: Y.Doc, findingIds: string[], what = '', origin: unknown = null): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    const order = readActions(doc).reduce((max, a) => Math.max(max, a.order), 0) + 1;
    writeFields(entry, ACTION_RECORD, {
      id,
      owner: '',
      due: '',
      priority: 'medium',
      kind: 'prevent',
      status: 'open',
      statusReason: '',
      trackerUrl: '',
      order,
    });
    entry.set('findingIds', Y.Array.from([...new Set(findingIds)]));
    entry.set('what', new Y.Text(what));
    actionsMap(doc).set(id, entry);
  }, origin);
  return id;
}

/** The live text of an action's "what will change". */
export function actionWhat(doc: Y.Doc, id: string): Y.Text | undefined {
  const value = actionsMap(doc).get(id)?.get('what');
  return value instanceof Y.Text ? value : undefined;
}

/** Replaces fields of an action; returns false when it does not exist. */
export function updateAction(doc: Y.Doc, id: string, patch: ActionPatch, origin: unknown = null): boolean {
  const entry = actionsMap(doc).get(id);
  if (!entry) return false;
  doc.transact(() => {
    const { findingIds, ...scalars } = patch;
    if (findingIds) setFindingIds(entry, findingIds);
    writeFields(entry, ACTION_RECORD, scalars);
  }, origin);
  return true;
}

/** Links an action to a finding, or unlinks it, leaving every other link as it is. */
export function linkActionFinding(doc: Y.Doc, id: string, findingId: string, linked: boolean, origin: unknown = null): void {
  const entry = actionsMap(doc).get(id);
  if (!entry) return;
  doc.transact(() => {
    const ids = readFindingIds(entry.get('findingIds'));
    setFindingIds(entry, linked ? [...ids, findingId] : ids.filter((f) => f !== findingId));
  }, origin);
}

/** Removes an action. */
export function removeAction(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => actionsMap(doc).delete(id), origin);
}

/** Points actions at another finding (or drops the link) when a finding is merged or demoted. */
export function relinkActions(doc: Y.Doc, from: string, to: string | null): void {
  for (const action of readActions(doc)) {
    if (!action.findingIds.includes(from)) continue;
    const ids = action.findingIds.filter((id) => id !== from);
    if (to && !ids.includes(to)) ids.push(to);
    const entry = actionsMap(doc).get(action.id);
    if (entry) setFindingIds(entry, ids);
  }
}

/** The status change as a patch: marking done records the day, anything else clears it. */
export function statusPatch(status: ActionStatus, today: string): ActionPatch {
  return { status, doneAt: status === 'done' ? today : '' };
}

/** True when an action was marked done on or before its due date. */
export function doneOnTime(action: Pick<CorrectiveAction, 'status' | 'due' | 'doneAt'>): boolean {
  return action.status === 'done' && action.due !== '' && action.doneAt !== '' && action.doneAt <= action.due;
}
