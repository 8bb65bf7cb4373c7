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
  observations: { text: string; theme: string | null }[];
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

/** Body of `POST /api/postmortems/:id/publish` (optional): names in the timeline to replace with roles. */
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
});
export type PublishRequest = z.infer<typeof publishRequest>;

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
