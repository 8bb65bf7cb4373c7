import {
  addEvent,
  canAdd,
  deleteEvent,
  eventText,
  updateEvent,
  type EventScalarPatch,
  type EventTextField,
  type TimelineEvent,
} from '@debrief/model';
import type { BoardView } from './board.svelte.ts';
import type { DocumentEdits, SharedText } from './document-edits.ts';

const MINUTE = 60_000;

/** The timeline's events and every change a person makes to them. */
export class TimelineState {
  constructor(
    private readonly view: BoardView,
    private readonly board: DocumentEdits,
    /** Tells this person why an addition was refused (a cap was reached). */
    private readonly refuse: (what: 'events') => void,
  ) {}

  get events(): TimelineEvent[] {
    return this.view.events;
  }

  /** Adds an event one minute after the last one (or at the incident time, or now); returns its id. */
  add(): string | null {
    if (this.board.canEdit() && this.board.read((doc) => !canAdd(doc, 'events'))) {
      this.refuse('events');
      return null;
    }
    const last = this.view.events.at(-1);
    const base = last ? Date.parse(last.at) + MINUTE : Date.parse(this.view.meta.incidentAt);
    const at = Number.isNaN(base) ? Math.floor(Date.now() / MINUTE) * MINUTE : base;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway value, not state
    return this.board.edit((doc, origin) => addEvent(doc, { at: new Date(at).toISOString() }, origin));
  }

  /** Replaces time, decision flag or evidence link of an event. */
  update(id: string, patch: EventScalarPatch): void {
    this.board.edit((doc, origin) => updateEvent(doc, id, patch, origin));
  }

  remove(id: string): void {
    this.board.edit((doc, origin) => deleteEvent(doc, id, origin));
  }

  /** The live text behind one of an event's free-text fields. */
  text(id: string, field: EventTextField): SharedText | undefined {
    return this.board.read((doc) => eventText(doc, id, field));
  }
}
