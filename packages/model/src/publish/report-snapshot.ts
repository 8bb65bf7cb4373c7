import { z } from 'zod';
import { EVENT_MARKERS, SEVERITIES } from '../board/incident-terms.ts';

/**
 * A published report as stored and served: declared once here (the type is inferred from it), validated and
 * upgraded whenever storage hands one back, so a report published by an older server reads like a new one.
 */
export const REPORT_SCHEMA = 'debrief.report/4';

/** What a factor cites as its evidence: a timeline event (with its time) or an observation ('' when it was hidden). */
const citation = z.object({ kind: z.enum(['event', 'note']), at: z.string(), text: z.string() });
export type ReportCitation = z.infer<typeof citation>;

export interface ReportFactor {
  text: string;
  cites: ReportCitation | null;
  children: ReportFactor[];
}

const reportFactor: z.ZodType<ReportFactor> = z.lazy(() =>
  z.object({ text: z.string(), cites: citation.nullable(), children: z.array(reportFactor) }),
);
const statement = z.object({ statement: z.string() });
const keptStatement = z.object({ section: z.string(), id: z.string(), text: z.string(), reason: z.string() });

export const reportSnapshot = z.object({
  schema: z.literal(REPORT_SCHEMA),
  id: z.string(),
  version: z.number().int().positive(),
  publishedAt: z.string(),
  title: z.string(),
  incidentAt: z.string().nullable(),
  summary: z.string(),
  impact: z.string(),
  /** What kind of incident it was: what /library filters by and similar incidents are found by. */
  incident: z.object({
    severity: z.enum(['', ...SEVERITIES]),
    services: z.array(z.string()),
    teams: z.array(z.string()),
    impactMinutes: z.number().nonnegative(),
  }),
  timeline: z.array(z.object({ at: z.string(), what: z.string(), known: z.string(), marker: z.enum(['', ...EVENT_MARKERS]), evidence: z.string() })),
  contributingFactors: z.object({
    findings: z.array(statement.extend({ category: z.string() })),
    fishbone: z.object({ problem: z.string(), categories: z.array(z.object({ name: z.string(), factors: z.array(reportFactor) })) }),
  }),
  proximateCauses: z.array(statement),
  /** `category`: the fishbone category the facilitator gave a root cause, when one was given. */
  rootCauses: z.array(statement.extend({ category: z.string().optional() })),
  wentWell: z.array(statement),
  gotLucky: z.array(statement),
  correctiveActions: z.array(
    z.object({
      /** The action's id on the board, so its follow-up status can be shown beside the published words ('' in reports published before ids were kept). */
      id: z.string(),
      what: z.string(),
      owner: z.string(),
      due: z.string(),
      status: z.string(),
      priority: z.string(),
      kind: z.string(),
      trackerUrl: z.string(),
      findings: z.array(z.string()),
      committed: z.boolean(),
    }),
  ),
  lessonsLearned: z.string(),
  /** Revealed notes the facilitator did not hide; `paraphrased` when the facilitator's words stand in the author's. */
  observations: z.array(z.object({ text: z.string(), theme: z.string().nullable(), paraphrased: z.boolean() })),
  /**
   * Statements the blame check flagged that the facilitator published anyway, with the reason they gave. Metadata
   * for the facilitator: never in the public answers, the page or the Markdown (see `publicReport`).
   */
  kept: z.array(keptStatement).optional(),
  /** What changed since the version before this one (null in version 1), section by section, in words. */
  changes: z.object({ since: z.number().int().positive(), items: z.array(z.string()) }).nullable(),
  /**
   * The names-to-roles replacement this version was published with, so follow-up text written after publishing
   * (an action's status reason) gets the same replacement. Facilitator metadata, like `kept`: it lists names.
   */
  names: z.array(z.object({ name: z.string(), role: z.string() })).optional(),
});

export type Report = z.infer<typeof reportSnapshot>;
export type KeptStatement = z.infer<typeof keptStatement>;
export type ReportStatement = z.infer<typeof statement>;

type Stored = Record<string, unknown>;
const list = (value: unknown): Stored[] =>
  Array.isArray(value) ? value.filter((item): item is Stored => typeof item === 'object' && item !== null) : [];

/** Version 2's factors, with `cites` (which version 2 did not keep) as null all the way down. */
const uncited = (value: unknown): Stored[] => list(value).map((factor) => ({ ...factor, cites: null, children: uncited(factor.children) }));
const record = (value: unknown): Stored => (typeof value === 'object' && value !== null ? (value as Stored) : {});

/** From each older schema to the next one; read in order until the current one. */
const UPGRADES: Record<string, (report: Stored) => Stored> = {
  // Version 1 left out an action's id (before ids were kept) and `paraphrased` when false.
  'debrief.report/1': (report) => ({
    ...report,
    schema: 'debrief.report/2',
    correctiveActions: list(report.correctiveActions).map((action) => ({ ...action, id: typeof action.id === 'string' ? action.id : '' })),
    observations: list(report.observations).map((note) => ({ ...note, paraphrased: note.paraphrased === true })),
  }),
  // Version 2 kept no factor citations and no list of changes since the version before.
  'debrief.report/2': (report) => {
    const factors = record(report.contributingFactors);
    const fishbone = record(factors.fishbone);
    return {
      ...report,
      schema: 'debrief.report/3',
      contributingFactors: {
        ...factors,
        fishbone: { ...fishbone, categories: list(fishbone.categories).map((bone) => ({ ...bone, factors: uncited(bone.factors) })) },
      },
      changes: null,
    };
  },
  // Version 3 had decision points instead of markers, and nothing on severity, services, teams or impact.
  'debrief.report/3': (report) => ({
    ...report,
    schema: 'debrief.report/4',
    incident: { severity: '', services: [], teams: [], impactMinutes: 0 },
    timeline: list(report.timeline).map(({ decisionPoint, ...event }) => ({ ...event, marker: decisionPoint === true ? 'decision' : '' })),
  }),
};

/** A stored report that is not a report of any schema this server knows. */
export class StoredReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoredReportError';
  }
}

/** Reads a report as storage kept it: upgraded to the current schema, then checked against it. */
export function readReportSnapshot(stored: unknown): Report {
  if (typeof stored !== 'object' || stored === null) throw new StoredReportError('a stored report is not an object');
  let report = stored as Stored;
  for (let steps = 0; report.schema !== REPORT_SCHEMA; steps++) {
    const upgrade = UPGRADES[String(report.schema)];
    if (!upgrade || steps > Object.keys(UPGRADES).length)
      throw new StoredReportError(`a stored report has an unknown schema (${String(report.schema)})`);
    report = upgrade(report);
  }
  const parsed = reportSnapshot.safeParse(report);
  if (!parsed.success)
    throw new StoredReportError(
      `a stored report breaks ${REPORT_SCHEMA}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
