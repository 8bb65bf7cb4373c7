import { z } from 'zod';

import type { Report } from '@debrief/model';

export {
  REPORT_SCHEMA,
  readReportSnapshot,
  reportSnapshot,
  StoredReportError,
  type KeptStatement,
  type Report,
  type ReportCitation,
  type ReportFactor,
  type ReportStatement,
} from '@debrief/model';

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
  'Proximate cause',
  'Root causes',
  'Contributing factors',
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
  /** Severity ('' when not set), services affected and teams involved: what the library filters by. */
  severity: string;
  services: string[];
  teams: string[];
  /** Where the search's first word was found, as written (a line cut to about 160 characters); null without a search. */
  snippet: string | null;
}

/** What `GET /api/reports` filters by (each optional; empty values are left out). */
export interface LibraryQuery {
  q?: string;
  from?: string;
  to?: string;
  category?: string;
  /** Whole names, any case: a post-mortem matches when one of its services (teams) is this one. */
  service?: string;
  team?: string;
  severity?: string;
}

/** A published post-mortem like this one: `GET /api/postmortems/:id/similar` answers `{items: SimilarIncident[]}`. */
export interface SimilarIncident {
  id: string;
  title: string;
  incidentAt: string | null;
  severity: string;
  /** What it shares with this one, as that report names it. */
  sharedServices: string[];
  sharedCategories: string[];
}

/**
 * Answer of `GET /api/reports`: one page of the matching published post-mortems, newest first (`?limit=`, 50 by
 * default, at most 200); `next` is the `cursor` for the page after it, null on the last.
 */
export interface LibraryPage {
  items: LibraryItem[];
  next: string | null;
}
