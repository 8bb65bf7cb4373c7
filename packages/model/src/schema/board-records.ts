import { CANVAS_EXTENT, LIMITS } from '../limits.ts';
import { ID_FIELD, ORDER_FIELD, type RecordSpec } from './fields.ts';
import { EVENT_MARKERS, SEVERITIES } from '../board/incident-terms.ts';

const ID = ID_FIELD;
const ORDER = ORDER_FIELD;
const CREATED_AT = { type: 'number', doc: 'ms since 1970 when it was added (tie-break, and which entries a cap removes first)' } as const;

/** `<id>/board` → `meta`: the incident's facts (the schema version is written by the server only). */
export const META_RECORD = {
  name: 'meta',
  fields: {
    schemaVersion: { type: 'number', doc: 'the document schema version (server only)' },
    title: { type: 'string', max: LIMITS.title, doc: 'the post-mortem title' },
    incidentAt: { type: 'string', max: 64, format: 'iso-datetime', doc: 'when the incident began (ISO 8601) or empty' },
    summary: { type: 'string', max: LIMITS.summary, doc: 'a short summary' },
    severity: { type: 'enum', values: ['', ...SEVERITIES], doc: 'how severe it was (SEV1 the worst), or empty' },
    services: { type: 'list', max: LIMITS.incidentTags, doc: 'the services it affected' },
    teams: { type: 'list', max: LIMITS.incidentTags, doc: 'the teams involved in it' },
    impactMinutes: { type: 'number', min: 0, max: LIMITS.impactMinutes, doc: 'how long customers were affected, in minutes (0: none or not known)' },
  },
} as const satisfies RecordSpec;

/** `<id>/board` → `events` (by id): one timeline event. */
export const EVENT_RECORD = {
  name: 'event',
  fields: {
    id: ID,
    at: { type: 'string', max: 64, format: 'iso-datetime', doc: 'when it happened (ISO 8601, UTC)' },
    what: { type: 'text', max: LIMITS.eventWhat, doc: 'what happened' },
    known: { type: 'text', max: LIMITS.eventKnown, doc: 'what was known at the time' },
    marker: {
      type: 'enum',
      values: ['', ...EVENT_MARKERS],
      doc: 'the moment it marks in the response (detection … resolution, or a key decision), or empty',
    },
    source: { type: 'string', max: 80, doc: 'where it was imported from (e.g. "Slack"), or empty when typed on the board' },
    evidence: { type: 'string', max: LIMITS.evidenceUrl, format: 'http-url', doc: 'an http(s) link to evidence, or empty' },
    createdAt: CREATED_AT,
  },
} as const satisfies RecordSpec;

/** `<id>/board` → `fishbone`: the diagram's head. */
export const FISHBONE_RECORD = {
  name: 'fishbone',
  fields: { problem: { type: 'text', max: LIMITS.problem, doc: 'the problem statement' } },
} as const satisfies RecordSpec;

/** `<id>/board` → `categories` (by id): a bone. */
export const BONE_RECORD = {
  name: 'bone',
  fields: { id: ID, name: { type: 'string', max: LIMITS.boneName, doc: 'the category' }, order: ORDER },
} as const satisfies RecordSpec;

/** `<id>/board` → `factors` (by id): a contributing factor, on a bone or under another factor ("why?"). */
export const FACTOR_RECORD = {
  name: 'factor',
  fields: {
    id: ID,
    categoryId: { type: 'string', max: 64, doc: 'its bone' },
    parentId: { type: 'string', max: 64, doc: 'the factor it answers "why?" for, or empty on the bone' },
    text: { type: 'text', max: LIMITS.factorText, doc: 'the condition' },
    order: ORDER,
    evidenceKind: { type: 'enum', values: ['', 'note', 'event'], doc: 'what it cites: nothing, a note or an event' },
    evidenceId: { type: 'string', max: 64, doc: 'the cited note or event' },
    createdAt: CREATED_AT,
  },
} as const satisfies RecordSpec;

/** A coordinate on the observations canvas, in canvas units (CSS pixels at 100 % zoom; a note is 220 wide). */
const COORDINATE = { type: 'number', min: -CANVAS_EXTENT, max: CANVAS_EXTENT } as const;
const SIZE = { type: 'number', min: 0, max: CANVAS_EXTENT } as const;

/** `<id>/board` → `themes` (by id): a named group of revealed notes, drawn as a frame on the canvas. */
export const THEME_RECORD = {
  name: 'theme',
  fields: {
    id: ID,
    title: { type: 'string', max: LIMITS.themeTitle, doc: 'the theme' },
    order: ORDER,
    x: { ...COORDINATE, doc: 'its frame’s left edge on the canvas' },
    y: { ...COORDINATE, doc: 'its frame’s top edge' },
    width: { ...SIZE, doc: 'its frame’s width' },
    height: { ...SIZE, doc: 'its frame’s height' },
  },
} as const satisfies RecordSpec;

/** `<id>/board` → `placements` (by note id): where a revealed note sits on the canvas once someone moved it. */
export const PLACEMENT_RECORD = {
  name: 'placement',
  fields: {
    x: { ...COORDINATE, doc: 'the note’s left edge on the canvas' },
    y: { ...COORDINATE, doc: 'the note’s top edge' },
  },
} as const satisfies RecordSpec;

/**
 * Where each record type lives in the board document: a root map that is the record itself, or a root map of
 * records by id.
 */
export const BOARD_RECORDS = {
  single: { meta: META_RECORD, fishbone: FISHBONE_RECORD },
  collections: { events: EVENT_RECORD, categories: BONE_RECORD, factors: FACTOR_RECORD, themes: THEME_RECORD, placements: PLACEMENT_RECORD },
} as const;
