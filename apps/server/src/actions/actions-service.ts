import type { Hocuspocus } from '@hocuspocus/server';
import { actionsMap, isOverdue, statusPatch, updateAction, type ActionPatch } from '@debrief/model';
import { documentName, type ActionListItem, type OwnedAction, type PresentedKey, type UpdateActionStatusRequest } from '@debrief/protocol';
import { liveActionItems } from './action-items.ts';
import { currentDocument } from '../collab/current-document.ts';
import { writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import { keyMatches } from '../postmortems/keys.ts';
import type { ActionsIndexEntry, IndexedAction, PostmortemRecord, Storage } from '../storage/storage.ts';

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
   * The actions of every published post-mortem as its latest report words them (with the follow-up status), and of
   * each post-mortem whose facilitator key was presented as its board holds them; in no particular order. Read from
   * the actions index storage keeps, never by decoding documents: a facilitator's own post-mortem open on this
   * instance is read from the document in memory, so what they just changed is there before it is saved.
   */
  async list({ today = todayUtc(), keys = [] }: ListOptions = {}): Promise<ActionListItem[]> {
    const items: ActionListItem[] = [];
    for (const entry of await this.storage.listActionsIndex()) {
      const indexed = this.#facilitatorKeyPresented(entry, keys) ? await this.#live(entry) : entry.published;
      const published = entry.published !== null;
      // Object.assign rather than a spread: several times faster over tens of thousands of items.
      for (const item of indexed ?? []) items.push(Object.assign({}, item, { overdue: isOverdue(item, today), published }));
    }
    return items;
  }

  /**
   * Follow-up after the session (the route checked the facilitator key or the action's owner key): status (with the
   * day done), its reason, a progress note dated today, the tracker link. False if the action is unknown.
   */
  update(postmortemId: string, actionId: string, update: UpdateActionStatusRequest): Promise<boolean> {
    const today = todayUtc();
    const { status, statusReason, progressNote, trackerUrl } = update;
    const rest: ActionPatch = {
      ...(statusReason !== undefined ? { statusReason } : {}),
      ...(progressNote !== undefined ? { progressNote, progressAt: progressNote ? today : '' } : {}),
      ...(trackerUrl !== undefined ? { trackerUrl } : {}),
    };
    return this.lock.run(postmortemId, async () => {
      let found = false;
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'findings',
        (doc) => {
          // Saving a progress note with the status unchanged keeps the day it was done.
          const unchanged = status === undefined || actionsMap(doc).get(actionId)?.get('status') === status;
          found = updateAction(doc, actionId, unchanged ? rest : { ...statusPatch(status, today), ...rest });
        },
        (state) => this.storage.storeDocument(postmortemId, 'findings', state),
      );
      return found;
    });
  }

  /** One action as it is now (live, drafts included), for its owner or the facilitator; null if unknown. */
  async owned(record: PostmortemRecord, actionId: string): Promise<OwnedAction | null> {
    const today = todayUtc();
    const doc = await currentDocument({ collab: this.collab, storage: this.storage }, record.id, 'findings');
    try {
      const item = liveActionItems(record, doc, today).find((a) => a.id === actionId);
      if (!item) return null;
      return { ...item, published: (await this.storage.getReport(record.id)) !== null, today };
    } finally {
      doc.destroy();
    }
  }

  /**
   * Whether the request presented this post-mortem's facilitator key. Every key presented for it is compared (in
   * constant time) with its facilitator key's hash only, so a participant key opens nothing here.
   */
  #facilitatorKeyPresented(entry: ActionsIndexEntry, keys: readonly PresentedKey[]): boolean {
    let facilitator = false;
    for (const presented of keys) {
      if (presented.postmortemId === entry.postmortemId && keyMatches(presented.key, entry.facilitatorKeyHash)) facilitator = true;
    }
    return facilitator;
  }

  /**
   * The live actions: from the findings document if it is open here (read in place, not copied: no decoding), else
   * as the index holds them from its last save.
   */
  async #live(entry: ActionsIndexEntry): Promise<IndexedAction[]> {
    const open = this.collab.documents.get(documentName(entry.postmortemId, 'findings'));
    const record = open && (await this.storage.getPostmortem(entry.postmortemId));
    return record ? liveActionItems(record, open, todayUtc()) : entry.live;
  }
}
