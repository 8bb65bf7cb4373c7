import type * as Y from 'yjs';
import { readMeta } from '../board/shape.ts';
import { readTimeline } from '../board/timeline.ts';
import { flattenFactors, readFishbone } from '../board/fishbone.ts';
import { readThemes } from '../board/themes.ts';
import { readNotes } from '../notes/shape.ts';
import { readFindings } from '../findings/findings.ts';
import { readActions } from '../findings/actions.ts';
import { readReview } from '../findings/review.ts';
import { replaceNames, type NameReplacement } from './names.ts';

/** Where in the report a statement appears. */
export type StatementSection =
  'title' | 'summary' | 'impact' | 'timeline' | 'fishbone' | 'themes' | 'findings' | 'actions' | 'lessons' | 'observations';

/** One piece of free text that enters the published report, as it would be published (names already replaced). */
export interface PublishedStatement {
  section: StatementSection;
  /**
   * Stable for the thing it comes from: `title`, `summary`, `impact`, `lessons`, `fishbone:problem`,
   * `event:<id>:what`, `event:<id>:known`, `bone:<id>`, `factor:<id>`, `theme:<id>`, `finding:<id>`,
   * `action:<id>`, `action:<id>:owner`, `note:<id>`.
   */
  id: string;
  text: string;
}

/** The three documents of a post-mortem, and what its record says when the board's metadata is empty. */
export interface PublishSources {
  board: Y.Doc;
  notes: Y.Doc;
  findings: Y.Doc;
  fallback?: { title: string; summary: string };
}

/**
 * Every statement the report would publish, in report order, with names replaced by roles: what the blame check
 * before publishing reads, on the server and in the facilitator's Review step alike. Empty texts are left out;
 * notes the facilitator hid are not published, so they are not here either.
 */
export function publishedStatements(sources: PublishSources, names: readonly NameReplacement[] = []): PublishedStatement[] {
  const { board, notes, findings } = sources;
  const meta = readMeta(board);
  const review = readReview(findings);
  const fishbone = readFishbone(board);
  const all: PublishedStatement[] = [
    { section: 'title', id: 'title', text: meta.title || sources.fallback?.title || '' },
    { section: 'summary', id: 'summary', text: meta.summary || sources.fallback?.summary || '' },
    { section: 'impact', id: 'impact', text: review.impact },
    ...readTimeline(board).flatMap((event) => [
      { section: 'timeline' as const, id: `event:${event.id}:what`, text: event.what },
      { section: 'timeline' as const, id: `event:${event.id}:known`, text: event.known },
    ]),
    { section: 'fishbone', id: 'fishbone:problem', text: fishbone.problem },
    ...fishbone.categories.map((bone) => ({ section: 'fishbone' as const, id: `bone:${bone.id}`, text: bone.name })),
    ...flattenFactors(fishbone).map((factor) => ({ section: 'fishbone' as const, id: `factor:${factor.id}`, text: factor.text })),
    ...readFindings(findings).map((finding) => ({ section: 'findings' as const, id: `finding:${finding.id}`, text: finding.statement })),
    ...readActions(findings).flatMap((action) => [
      { section: 'actions' as const, id: `action:${action.id}`, text: action.what },
      { section: 'actions' as const, id: `action:${action.id}:owner`, text: action.owner },
    ]),
    { section: 'lessons', id: 'lessons', text: review.lessons },
    ...readThemes(board).map((theme) => ({ section: 'themes' as const, id: `theme:${theme.id}`, text: theme.title })),
    ...readNotes(notes)
      .filter((note) => note.moderation !== 'hidden')
      .map((note) => ({ section: 'observations' as const, id: `note:${note.id}`, text: note.text })),
  ];
  return all.filter((statement) => statement.text.trim() !== '').map((statement) => ({ ...statement, text: replaceNames(statement.text, names) }));
}

/**
 * Whether a statement only names something (the title, a bone's or a theme's name, an action's owner) rather than
 * states something: the blame check reads labels with its rules alone.
 */
export function isLabelStatement(statement: Pick<PublishedStatement, 'id'>): boolean {
  return /^(?:title|bone:.*|theme:.*|action:.*:owner)$/.test(statement.id);
}

/** The document a statement's words live in: the facilitator's findings document, or the board (notes included). */
export function statementDocument(statement: Pick<PublishedStatement, 'id'>): 'board' | 'findings' {
  return /^(?:finding|action|impact|lessons)\b/.test(statement.id) ? 'findings' : 'board';
}
