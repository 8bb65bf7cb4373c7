import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { statusPatch, updateAction, type ActionStatus } from '@debrief/model';
import { documentName, type ActionListItem, type PresentedKey } from '@debrief/protocol';
import { liveActionItems, publishedActionItems } from './action-items.ts';
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
   * The actions of every published post-mortem as its latest report words them (with live status), and of each
   * post-mortem whose facilitator key was presented as the board holds them now; most urgent first: overdue, then by due date (undated last), then by post-mortem.
   */
  async list({ today = todayUtc(), keys = [] }: ListOptions = {}): Promise<ActionListItem[]> {
    const items: ActionListItem[] = [];
    for (const postmortem of await this.storage.listPostmortems()) {
      const facilitator = this.#facilitatorKeyPresented(postmortem, keys);
      const report = facilitator ? null : await this.storage.getReport(postmortem.id);
      if (!facilitator && !report) continue;
      const doc = await this.#findings(postmortem.id);
      items.push(...(report ? publishedActionItems(postmortem, report, doc, today) : liveActionItems(postmortem, doc, today)));
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
   * Whether the request presented this post-mortem's facilitator key. Every key presented for it is compared (in
   * constant time) with its facilitator key's hash only, so a participant key opens nothing here.
   */
  #facilitatorKeyPresented(postmortem: PostmortemRecord, keys: readonly PresentedKey[]): boolean {
    let facilitator = false;
    for (const presented of keys) {
      if (presented.postmortemId === postmortem.id && keyMatches(presented.key, postmortem.keyHashes.facilitator)) facilitator = true;
    }
    return facilitator;
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
