import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { isCommitted, isOverdue, readActions, readFindings, statusPatch, updateAction, type ActionStatus } from '@debrief/model';
import { documentName, type ActionListItem, type PresentedKey } from '@debrief/protocol';
import { writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import { keyMatches } from '../postmortems/keys.ts';
import type { PostmortemRecord, Storage } from '../storage/storage.ts';

/** Today's date (YYYY-MM-DD) in UTC, the reference for "overdue". */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** What `list` covers and the day it counts as today. */
export interface ListOptions {
  today?: string;
  /**
   * Keys the request presented (the `X-Debrief-Keys` header): each unpublished post-mortem whose facilitator key
   * is among them is listed too. A participant key, a wrong key or a key of another post-mortem adds nothing.
   */
  keys?: readonly PresentedKey[];
}

/** Corrective actions across post-mortems, and their follow-up after the session. */
export class ActionsService {
  constructor(
    private readonly storage: Storage,
    private readonly collab: Hocuspocus,
    private readonly lock: Lock,
  ) {}

  /**
   * The actions of every published post-mortem, and of each unpublished one whose facilitator key was presented;
   * most urgent first: overdue, then by due date (undated last), then by post-mortem.
   */
  async list({ today = todayUtc(), keys = [] }: ListOptions = {}): Promise<ActionListItem[]> {
    const items: ActionListItem[] = [];
    for (const postmortem of await this.storage.listPostmortems()) {
      if (!(await this.#visible(postmortem, keys))) continue;
      const doc = await this.#findings(postmortem.id);
      const findings = new Map(readFindings(doc).map((f) => [f.id, f.statement]));
      for (const action of readActions(doc)) {
        items.push({
          postmortemId: postmortem.id,
          postmortemTitle: postmortem.title,
          id: action.id,
          what: action.what,
          owner: action.owner,
          due: action.due,
          priority: action.priority,
          kind: action.kind,
          status: action.status,
          statusReason: action.statusReason,
          trackerUrl: action.trackerUrl,
          doneAt: action.doneAt,
          findings: action.findingIds.map((id) => findings.get(id)).filter((s): s is string => s !== undefined),
          committed: isCommitted(action),
          overdue: isOverdue(action, today),
        });
      }
      doc.destroy();
    }
    return items.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.due || '9999').localeCompare(b.due || '9999') ||
        a.postmortemTitle.localeCompare(b.postmortemTitle),
    );
  }

  /** Updates an action's status after the session (the route checks the facilitator key); false if unknown. */
  updateStatus(postmortemId: string, actionId: string, status: ActionStatus, statusReason?: string): Promise<boolean> {
    return this.lock.run(postmortemId, async () => {
      let found = false;
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'findings',
        (doc) => (found = updateAction(doc, actionId, { ...statusPatch(status, todayUtc()), ...(statusReason !== undefined ? { statusReason } : {}) })),
        (state) => this.storage.storeDocument(postmortemId, 'findings', state),
      );
      return found;
    });
  }

  /**
   * Published, or opened by a presented facilitator key. Every key presented for this post-mortem is compared (in
   * constant time) with its facilitator key's hash only, so a participant key opens nothing here.
   */
  async #visible(postmortem: PostmortemRecord, keys: readonly PresentedKey[]): Promise<boolean> {
    let facilitator = false;
    for (const presented of keys) {
      if (presented.postmortemId === postmortem.id && keyMatches(presented.key, postmortem.keyHashes.facilitator)) facilitator = true;
    }
    return facilitator || (await this.storage.getReport(postmortem.id)) !== null;
  }

  /** The findings document as it is now: the live one if someone has it open, else from storage. */
  async #findings(postmortemId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const live = this.collab.documents.get(documentName(postmortemId, 'findings'));
    const state = live ? Y.encodeStateAsUpdate(live) : await this.storage.loadDocument(postmortemId, 'findings');
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}
