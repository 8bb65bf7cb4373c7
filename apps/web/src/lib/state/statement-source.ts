import { LIMITS, type EventTextField } from '@debrief/model';
import type { SharedText } from './document-edits.ts';
import type { BoardSession } from './session.svelte.ts';

/** How the facilitator can reword a statement about to be published, found by its id (see publishedStatements). */
export type StatementSource =
  /** Live text: reworded in place, everyone sees it as it is typed. */
  | { kind: 'text'; text: SharedText }
  /** A short field set whole (a title, a bone's or a theme's name). */
  | { kind: 'field'; value: string; max: number; save: (value: string) => void }
  /** An anonymous note: nobody rewords it but its author; the facilitator may hide or paraphrase it. */
  | { kind: 'note'; noteId: string }
  | { kind: 'gone' };

const gone: StatementSource = { kind: 'gone' };
const live = (text: SharedText | undefined): StatementSource => (text ? { kind: 'text', text } : gone);

/** Where the statement with this id lives, and so how it can be reworded. */
export function statementSource(session: BoardSession, id: string): StatementSource {
  const [kind, itemId = '', field] = id.split(':');
  switch (kind) {
    case 'title':
    case 'summary': {
      const { meta } = session.incident;
      return {
        kind: 'field',
        value: kind === 'title' ? meta.title : meta.summary,
        max: kind === 'title' ? LIMITS.title : LIMITS.summary,
        save: (value) => session.incident.update({ [kind]: value }),
      };
    }
    case 'impact':
    case 'lessons':
      return live(session.review.text(kind));
    case 'fishbone':
      return live(session.fishbone.problemText());
    case 'event':
      return live(session.timeline.text(itemId, field as EventTextField));
    case 'factor':
      return live(session.fishbone.factorText(itemId));
    case 'finding':
      return live(session.findings.statementText(itemId));
    case 'action': {
      if (field !== 'owner') return live(session.actions.whatText(itemId));
      const action = session.actions.all.find((a) => a.id === itemId);
      return action
        ? { kind: 'field', value: action.owner, max: LIMITS.actionOwner, save: (value) => session.actions.update(itemId, { owner: value }) }
        : gone;
    }
    case 'bone': {
      const bone = session.fishbone.diagram.categories.find((c) => c.id === itemId);
      return bone ? { kind: 'field', value: bone.name, max: LIMITS.boneName, save: (value) => session.fishbone.renameBone(itemId, value) } : gone;
    }
    case 'theme': {
      const theme = session.themes.all.find((t) => t.id === itemId);
      return theme ? { kind: 'field', value: theme.title, max: LIMITS.themeTitle, save: (value) => session.themes.rename(itemId, value) } : gone;
    }
    case 'note':
      return { kind: 'note', noteId: itemId };
    default:
      return gone;
  }
}
