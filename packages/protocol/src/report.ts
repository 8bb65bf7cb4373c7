import { z } from 'zod';

/**
 * A published report: a frozen snapshot of a post-mortem (documented in docs/report.md). Every string is user
 * input and must be rendered escaped.
 */
export const REPORT_SCHEMA = 'debrief.report/1';

export interface ReportFactor {
  text: string;
  children: ReportFactor[];
}

export interface ReportStatement {
  statement: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  id: string;
  version: number;
  publishedAt: string;
  title: string;
  incidentAt: string | null;
  summary: string;
  impact: string;
  timeline: { at: string; what: string; known: string; decisionPoint: boolean; evidence: string }[];
  contributingFactors: {
    findings: (ReportStatement & { category: string })[];
    fishbone: { problem: string; categories: { name: string; factors: ReportFactor[] }[] };
  };
  proximateCauses: ReportStatement[];
  rootCauses: ReportStatement[];
  wentWell: ReportStatement[];
  gotLucky: ReportStatement[];
  correctiveActions: {
    /** The action's id on the board, so its follow-up status can be shown beside the published words (absent in reports published before ids were kept). */
    id?: string;
    what: string;
    owner: string;
    due: string;
    status: string;
    priority: string;
    kind: string;
    trackerUrl: string;
    findings: string[];
    committed: boolean;
  }[];
  lessonsLearned: string;
  /** Revealed notes the facilitator did not hide; `paraphrased` when the facilitator's words stand in the author's. */
  observations: { text: string; theme: string | null; paraphrased?: boolean }[];
  /**
   * Statements the blame check flagged that the facilitator published anyway, with the reason they gave. Metadata
   * for the facilitator: never in the public answers, the page or the Markdown (see `publicReport`).
   */
  kept?: KeptStatement[];
  /**
   * The names-to-roles replacement this version was published with, so follow-up text written after publishing
   * (an action's status reason) gets the same replacement. Facilitator metadata, like `kept`: it lists names.
   */
  names?: { name: string; role: string }[];
}

/** A flagged statement published anyway, and why. */
export interface KeptStatement {
  section: string;
  id: string;
  text: string;
  reason: string;
}

/** The report as readers get it: without the facilitator's metadata. */
export function publicReport(report: Report): Report {
  const { kept: _kept, names: _names, ...rest } = report;
  return rest;
}

/** The report's sections in the classic post-mortem order, with their headings. */
export const REPORT_SECTIONS = [
  'Summary',
  'Impact',
  'Timeline',
  'Contributing factors',
  'Proximate cause',
  'Root causes',
  'What went well',
  'Where we got lucky',
  'Corrective actions',
  'Lessons learned',
  'Observations',
] as const;

/**
 * Body of `POST /api/postmortems/:id/publish` (optional): names to replace with roles everywhere in the report, and
 * flagged statements to publish anyway, each with the facilitator's reason.
 */
export const publishRequest = z.strictObject({
  replaceNames: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'a name to replace is empty').max(60, 'names are limited to 60 characters'),
        role: z.string().trim().min(1, 'a role is empty').max(60, 'roles are limited to 60 characters'),
      }),
    )
    .max(30, 'at most 30 name replacements')
    .optional(),
  keep: z
    .array(
      z.strictObject({
        id: z.string().min(1, 'a kept statement needs its id').max(80, 'statement ids are at most 80 characters'),
        reason: z.string().trim().min(1, 'say why the statement is kept').max(500, 'reasons are limited to 500 characters'),
      }),
    )
    .max(500, 'at most 500 kept statements')
    .optional(),
});
export type PublishRequest = z.infer<typeof publishRequest>;

/** One statement that reads as blame, as `409 blame_unresolved` lists it. */
export interface FlaggedStatement {
  section: string;
  id: string;
  text: string;
  issues: { start: number; end: number; kind: string; message: string; suggestion: string }[];
}

/** Body of `409 blame_unresolved` from publishing: the error, and every statement still unresolved. */
export interface BlameUnresolvedBody {
  error: { code: 'blame_unresolved'; message: string };
  statements: FlaggedStatement[];
}

/** Answer of `POST /api/postmortems/:id/publish`. */
export interface PublishResponse {
  version: number;
  reportUrl: string;
}

/** One published post-mortem in the library. */
export interface LibraryItem {
  id: string;
  title: string;
  incidentAt: string | null;
  publishedAt: string;
  version: number;
  summary: string;
  categories: string[];
}

/**
 * Answer of `GET /api/reports`: one page of the matching published post-mortems, newest first (`?limit=`, 50 by
 * default, at most 200); `next` is the `cursor` for the page after it, null on the last.
 */
export interface LibraryPage {
  items: LibraryItem[];
  next: string | null;
}
