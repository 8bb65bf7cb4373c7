import * as Y from 'yjs';
import {
  actionsMap,
  findingsMap,
  reviewMap,
  CAPS,
  assertDocumentReadable,
  categoriesMap,
  eventsMap,
  factorsMap,
  fishboneMap,
  noteThemesMap,
  themesMap,
  NewerSchemaError,
  publishedStatements,
  readMeta,
  type NameReplacement,
  type PublishedStatement,
} from '@debrief/model';
import type { PresenceCursor, Role, SimilarIncident, TimelineImportRequest, TimelineImportResponse } from '@debrief/protocol';
import { fetchSimilarIncidents, importTimeline } from '../api/client.ts';
import { connectPostmortem, type ConnectionStatus, type PostmortemConnection } from '../sync/connection.ts';
import type { SaveState } from '../sync/save-status.ts';
import { announce, onPresenceChange, readPeers, setEditing, updateUser, type PresenceUser } from '../sync/presence.ts';
import { CursorSender } from '../sync/cursor-sender.ts';
import { PRESENCE_COLORS } from './identity.ts';
import { latestInTask } from '../sync/latest-in-task.ts';
import { meansDeleted, refusalMessage } from '../sync/refusal.ts';
import { forgetPostmortem } from './forget-postmortem.ts';
import { refusedMessage } from './refused-message.ts';
import { BoardView } from './board.svelte.ts';
import { NotesState } from './notes.svelte.ts';
import { VotesState } from './votes.svelte.ts';
import { FacilitationView } from './facilitation.svelte.ts';
import { PresenceView } from './presence.svelte.ts';
import type { DocumentEdits } from './document-edits.ts';
import { TimelineState } from './timeline.svelte.ts';
import { FishboneState } from './fishbone.svelte.ts';
import { ThemesState } from './themes.svelte.ts';
import { IncidentState } from './incident.svelte.ts';
import { FindingsState } from './findings.svelte.ts';
import { ActionsState } from './actions.svelte.ts';
import { ReviewState } from './review.svelte.ts';
import { PhasesState } from './phases.svelte.ts';

/** The origin of every edit made in this browser; the undo manager tracks only this one. */
export const LOCAL_ORIGIN = Symbol('debrief-local-edit');

/** What a participant reads when a cap is reached (see CAPS in the model). */
function limitMessage(what: 'events' | 'factors' | 'document'): string {
  if (what === 'document')
    return 'This board has reached its size limit (5 MB): new changes are not saved. Ask the facilitator to publish and start a follow-up.';
  return `This board holds at most ${CAPS[what].toLocaleString('en')} ${what === 'events' ? 'timeline events' : 'contributing factors'}; remove some before adding more.`;
}

/** One person's live session: connection state, the board, the notes, presence, and their own undo history. */
export class BoardSession {
  status = $state<ConnectionStatus>('connecting');
  /** The server last turned this browser away because it was at capacity; it keeps retrying. */
  serverBusy = $state(false);
  synced = $state(false);
  unsyncedChanges = $state(0);
  /** Whether this browser's edits are durable on the server. */
  saveState = $state<SaveState>('saved');
  /** A copy of the board kept on this device was loaded: it can be edited before (or without) the server. */
  loadedFromDevice = $state(false);
  /** Why the last addition was refused or undone (a cap was reached); shown until dismissed. */
  notice = $state<string | null>(null);
  authError = $state<string | null>(null);
  schemaError = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);

  readonly #board: BoardView;
  readonly notes: NotesState;
  readonly votes: VotesState;
  readonly #facilitation: FacilitationView;
  readonly presence: PresenceView;
  readonly timeline: TimelineState;
  /** Reads a file into the timeline on the server (the facilitator's key), which everyone then sees live. */
  readonly importTimeline: (request: TimelineImportRequest) => Promise<TimelineImportResponse>;
  /** Published incidents like this one (sharing a service or a factor category), most alike first. */
  readonly similarIncidents: () => Promise<SimilarIncident[]>;
  readonly fishbone: FishboneState;
  readonly themes: ThemesState;
  readonly incident: IncidentState;
  readonly findings: FindingsState;
  readonly actions: ActionsState;
  readonly review: ReviewState;
  readonly phases: PhasesState;
  readonly #connection: PostmortemConnection;
  readonly #undo: Y.UndoManager;
  /** The facilitator's own edits to findings, actions and the review, undone apart from the board's. */
  readonly #findingsUndo: Y.UndoManager;

  #user: PresenceUser;
  readonly #stopColorWatch: () => void;
  #forgetting: Promise<void> | undefined;

  constructor(
    readonly postmortemId: string,
    key: string,
    readonly role: Role,
    user: PresenceUser,
  ) {
    this.#user = user;
    this.#connection = connectPostmortem(postmortemId, key, {
      onStatus: (status) => (this.status = status),
      onClosed: (busy) => (this.serverBusy = busy),
      onSynced: () => {
        this.synced = true;
        this.#checkSchema();
      },
      onAuthenticationFailed: (reason) => {
        this.authError = refusalMessage(reason);
        if (meansDeleted(reason)) void this.forgetDeleted().catch(() => undefined);
      },
      onUnsyncedChanges: (count) => (this.unsyncedChanges = count),
      onSaveState: (state) => (this.saveState = state),
      onLimitNotice: (notice) => (this.notice = limitMessage(notice.what)),
      onRefusedNotice: (notice) => (this.notice = refusedMessage(notice)),
      onLocalLoaded: () => {
        // An empty copy (first visit on this device) is no basis for editing: wait for the server then.
        if (readMeta(this.#connection.board).schemaVersion === 0) return;
        this.#checkSchema();
        this.loadedFromDevice = true;
      },
    });
    const { board: doc, notes, findings, awareness } = this.#connection;
    this.#board = new BoardView(doc);
    this.notes = new NotesState(notes, postmortemId, key);
    this.votes = new VotesState(notes, postmortemId, key);
    this.#facilitation = new FacilitationView(findings);
    // Each feature gets the documents it edits, never the connection: components call feature methods only.
    const boardEdits: DocumentEdits = {
      canEdit: () => this.editable,
      edit: (write) => this.#change(write),
      read: (pick) => pick(doc),
    };
    const findingsEdits: DocumentEdits = {
      canEdit: () => this.editable && this.role === 'facilitator',
      edit: (write) => this.#facilitate(write),
      read: (pick) => pick(findings),
    };
    const refuse = (what: 'events' | 'factors') => (this.notice = limitMessage(what));
    this.timeline = new TimelineState(this.#board, boardEdits, refuse);
    this.importTimeline = (request) => importTimeline(postmortemId, key, request);
    this.similarIncidents = () => fetchSimilarIncidents(postmortemId, key);
    this.fishbone = new FishboneState(this.#board, boardEdits, refuse);
    this.themes = new ThemesState(this.#board, boardEdits);
    this.incident = new IncidentState(this.#board, boardEdits);
    this.findings = new FindingsState(this.#facilitation, findingsEdits);
    this.actions = new ActionsState(this.#facilitation, findingsEdits);
    this.review = new ReviewState(this.#facilitation, findingsEdits);
    this.phases = new PhasesState(this.#facilitation, findingsEdits);

    this.presence = new PresenceView(awareness);
    announce(awareness, user);
    this.#stopColorWatch = onPresenceChange(awareness, () => this.#avoidColorClash());

    this.#undo = new Y.UndoManager(
      [eventsMap(doc), fishboneMap(doc), categoriesMap(doc), factorsMap(doc), themesMap(doc), noteThemesMap(doc)],
      // A plain Set configures Yjs; nothing renders from it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 500 },
    );
    const refreshUndo = () => {
      this.canUndo = this.#undo.canUndo();
      this.canRedo = this.#undo.canRedo();
    };
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.#undo.on(event, refreshUndo);
    this.#findingsUndo = new Y.UndoManager(
      [findingsMap(findings), actionsMap(findings), reviewMap(findings) as Y.Map<unknown>],
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 500 },
    );
  }

  get user(): PresenceUser {
    return this.#user;
  }

  /** The board can be shown: it came from the server or from this device's copy. */
  get ready(): boolean {
    return this.synced || this.loadedFromDevice;
  }

  /**
   * True when edits may be made: the board came from the server or from this device's copy (offline edits sync
   * later), and its schema is understood.
   */
  get editable(): boolean {
    return this.ready && this.schemaError === null && this.authError === null;
  }

  /**
   * Runs one of the model's write functions on the board as this person (undoable, tracked as theirs).
   * Returns what it returns, or null when the board cannot be edited.
   */
  #change<T>(write: (doc: Y.Doc, origin: symbol) => T): T | null {
    if (!this.editable) return null;
    return this.#discrete(() => write(this.#connection.board, LOCAL_ORIGIN));
  }

  /** Runs a structural change as its own undo step, never merged with typing just before or after it. */
  #discrete<T>(run: () => T): T {
    this.#undo.stopCapturing();
    const result = run();
    this.#undo.stopCapturing();
    return result;
  }

  /**
   * Runs one of the model's write functions on `<id>/findings` (the facilitator's document). Returns null for
   * participants: their browser never writes it, and the server would drop the write anyway.
   */
  #facilitate<T>(write: (doc: Y.Doc, origin: symbol) => T): T | null {
    if (!this.editable || this.role !== 'facilitator') return null;
    this.#findingsUndo.stopCapturing();
    const result = write(this.#connection.findings, LOCAL_ORIGIN);
    this.#findingsUndo.stopCapturing();
    return result;
  }

  /** Every statement publishing would put in the report, names replaced (what the server checks for blame). */
  statements(names: readonly NameReplacement[]): PublishedStatement[] {
    const { board, notes, findings } = this.#connection;
    return publishedStatements({ board, notes, findings }, names);
  }

  /** Undoes this person's last edit to the board, or (`findings`) to the findings, actions and review. */
  undo(scope: 'board' | 'findings' = 'board'): void {
    if (this.editable) (scope === 'findings' ? this.#findingsUndo : this.#undo).undo();
  }

  redo(scope: 'board' | 'findings' = 'board'): void {
    if (this.editable) (scope === 'findings' ? this.#findingsUndo : this.#undo).redo();
  }

  /**
   * Tells the others which event (or factor) this person is editing. Moving from one card to the next with the
   * arrow keys sends only where focus ends up, once, instead of "left" and "entered" to everyone.
   */
  readonly setEditing = latestInTask<string | null>((id) => setEditing(this.#connection.awareness, id));

  #cursor: CursorSender | null = null;

  /** Shows this person's pointer on the canvas or the fishbone to the others (throttled; hidden when idle), or hides it. */
  pointAt(cursor: PresenceCursor | null): void {
    this.#cursor ??= new CursorSender(this.#connection.awareness);
    if (cursor) this.#cursor.move(cursor);
    else this.#cursor.leave();
  }

  /** Changes the name everyone sees. */
  rename(name: string): void {
    this.#user = { ...this.#user, name };
    updateUser(this.#connection.awareness, this.#user);
  }

  /**
   * Once the post-mortem is deleted: stops keeping it on this device and removes what was kept. Once per session,
   * however many documents hear the refusal and whether or not this person deleted it.
   */
  forgetDeleted(): Promise<void> {
    this.#forgetting ??= this.#connection.closeOfflineCopy().then(() => forgetPostmortem(this.postmortemId));
    return this.#forgetting;
  }

  destroy(): void {
    this.#stopColorWatch();
    this.#undo.destroy();
    this.#findingsUndo.destroy();
    this.#board.destroy();
    this.notes.destroy();
    this.votes.destroy();
    this.#facilitation.destroy();

    this.presence.destroy();
    this.#connection.destroy();
  }

  /** Two people with one colour are hard to tell apart: the later joiner (higher client id) picks a free one. */
  #avoidColorClash(): void {
    const { awareness } = this.#connection;
    const others = readPeers(awareness).filter((peer) => !peer.isSelf);
    const clash = others.some((peer) => peer.user.color === this.#user.color && peer.clientId < awareness.clientID);
    if (!clash) return;
    const free = PRESENCE_COLORS.find((color) => !others.some((peer) => peer.user.color === color));
    if (!free) return;
    this.#user = { ...this.#user, color: free };
    updateUser(awareness, this.#user);
  }

  #checkSchema(): void {
    try {
      assertDocumentReadable('board', this.#connection.board);
      assertDocumentReadable('notes', this.#connection.notes);
      assertDocumentReadable('findings', this.#connection.findings);
    } catch (error) {
      if (!(error instanceof NewerSchemaError)) throw error;
      this.schemaError = `${error.message} Reload the page to get the newest version before editing.`;
    }
  }
}
