import { LIMITS } from '../limits.ts';
import { ACTION_KINDS, ACTION_PRIORITIES, ACTION_STATUSES } from '../findings/action-values.ts';
import { FINDING_TYPES } from '../findings/finding-types.ts';
import { PHASES } from '../findings/phases.ts';
import { ID_FIELD, ORDER_FIELD, type RecordSpec } from './fields.ts';

const ID = ID_FIELD;
const ORDER = ORDER_FIELD;

/** `<id>/findings` → `session`: the phase, roaming and the timer. */
export const SESSION_RECORD = {
  name: 'session',
  fields: {
    phase: { type: 'enum', values: PHASES.map((phase) => phase.id), doc: 'the step the facilitator is on' },
    roam: { type: 'boolean', doc: 'true: boards do not follow the phase' },
    timerDurationMs: { type: 'number', doc: '0 when there is no timer' },
    timerEndsAt: { type: 'number', doc: 'epoch ms while running, 0 while paused or stopped' },
    timerRemainingMs: { type: 'number', doc: 'what is left while paused' },
    rankByVotes: { type: 'boolean', doc: 'true: everyone’s wall shows themes and notes by votes, most first' },
  },
} as const satisfies RecordSpec;

/** `<id>/findings` → `findings` (by id): a formal finding. */
export const FINDING_RECORD = {
  name: 'finding',
  fields: {
    id: ID,
    type: {
      type: 'enum',
      values: FINDING_TYPES.map((type) => type.id),
      default: 'contributing',
      doc: 'proximate, root, contributing, went well, lucky',
    },
    statement: { type: 'text', max: LIMITS.findingStatement, doc: 'the finding, about the system' },
    order: ORDER,
    category: { type: 'string', max: LIMITS.boneName, doc: 'its fishbone bone, for contributing factors' },
    sources: { type: 'list', max: 200, doc: 'what it came from: "note:<id>", "theme:<id>", "factor:<id>" or "event:<id>" (never an author)' },
  },
} as const satisfies RecordSpec;

/** `<id>/findings` → `actions` (by id): a corrective action. */
export const ACTION_RECORD = {
  name: 'action',
  fields: {
    id: ID,
    findingIds: { type: 'list', max: 200, doc: 'the findings it addresses' },
    what: { type: 'text', max: LIMITS.actionWhat, doc: 'what will change' },
    owner: { type: 'string', max: LIMITS.actionOwner, doc: 'who owns it' },
    due: { type: 'string', max: 10, format: 'date', doc: 'YYYY-MM-DD or empty' },
    priority: { type: 'enum', values: ACTION_PRIORITIES, default: 'medium', doc: 'high, medium, low' },
    kind: { type: 'enum', values: ACTION_KINDS, doc: 'prevent, mitigate, detect, process' },
    status: { type: 'enum', values: ACTION_STATUSES, doc: 'open, in progress, done, won’t do' },
    statusReason: { type: 'string', max: LIMITS.statusReason, doc: 'why it stopped or changed' },
    trackerUrl: { type: 'string', max: LIMITS.evidenceUrl, format: 'http-url', doc: 'its ticket, or empty' },
    doneAt: { type: 'string', max: 10, format: 'date', doc: 'the day it was marked done, or empty' },
    progressNote: { type: 'string', max: LIMITS.progressNote, doc: 'how it is going, in its owner’s words (after the session)' },
    progressAt: { type: 'string', max: 10, format: 'date', doc: 'the day the progress note was last written, or empty' },
    order: ORDER,
  },
} as const satisfies RecordSpec;

/** `<id>/findings` → `review`: impact and lessons learned for the published report. */
export const REVIEW_RECORD = {
  name: 'review',
  fields: {
    impact: { type: 'text', max: LIMITS.reviewText, doc: 'who was affected, how, for how long' },
    lessons: { type: 'text', max: LIMITS.reviewText, doc: 'what the organisation should take from it' },
  },
} as const satisfies RecordSpec;

/** `<id>/findings` → `meta`: the schema version (written by the server only). */
export const FINDINGS_META_RECORD = {
  name: 'meta',
  fields: { schemaVersion: { type: 'number', doc: 'the document schema version (server only)' } },
} as const satisfies RecordSpec;

export const FINDINGS_RECORDS = {
  single: { meta: FINDINGS_META_RECORD, session: SESSION_RECORD, review: REVIEW_RECORD },
  collections: { findings: FINDING_RECORD, actions: ACTION_RECORD },
} as const;
