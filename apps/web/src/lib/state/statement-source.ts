import type * as Y from 'yjs';
import {
  actionWhat,
  factorText,
  findingStatement,
  LIMITS,
  problemText,
  readMeta,
  renameCategory,
  renameTheme,
  reviewText,
  updateAction,
  updateIncident,
  type EventTextField,
} from '@debrief/model';
import type { BoardSession } from './session.svelte.ts';

/** How the facilitator can reword a statement about to be published, found by its id (see publishedStatements). */
export type StatementSource =
  /** Live text: reworded in place, everyone sees it as it is typed. */
  | { kind: 'text'; text: Y.Text }
  /** A short field set whole (a title, a bone's or a theme's name). */
  | { kind: 'field'; value: string; max: number; save: (value: string) => void }
  /** An anonymous note: nobody rewords it but its author; the facilitator may hide or paraphrase it. */
  | { kind: 'note'; noteId: string }
  | { kind: 'gone' };

const gone: StatementSource = { kind: 'gone' };
const live = (text: Y.Text | undefined): StatementSource => (text ? { kind: 'text', text } : gone);

/** Where the statement with this id lives, and so how it can be reworded. */
export function statementSource(session: BoardSession, id: string): StatementSource {
  const [kind, itemId = '', field] = id.split(':');
  const board = (change: (doc: Y.Doc, origin: symbol) => void) => session.change(change);
  switch (kind) {
    case 'title':
    case 'summary': {
      const meta = session.read(readMeta);
      return {
        kind: 'field',
        value: kind === 'title' ? meta.title : meta.summary,
        max: kind === 'title' ? LIMITS.title : LIMITS.summary,
        save: (value) => board((doc, origin) => updateIncident(doc, { [kind]: value }, origin)),
      };
    }
    case 'impact':
    case 'lessons':
      return live(session.readFindingsDoc((doc) => reviewText(doc, kind)));
    case 'fishbone':
      return live(session.read(problemText));
    case 'event':
      return live(session.text(itemId, field as EventTextField));
    case 'factor':
      return live(session.read((doc) => factorText(doc, itemId)));
    case 'finding':
      return live(session.readFindingsDoc((doc) => findingStatement(doc, itemId)));
    case 'action': {
      if (field !== 'owner') return live(session.readFindingsDoc((doc) => actionWhat(doc, itemId)));
      const action = session.facilitation.actions.find((a) => a.id === itemId);
      return action ? { kind: 'field', value: action.owner, max: 80, save: (value) => session.facilitate((doc, origin) => updateAction(doc, itemId, { owner: value }, origin)) } : gone;
    }
    case 'bone': {
      const bone = session.board.fishbone.categories.find((c) => c.id === itemId);
      return bone ? { kind: 'field', value: bone.name, max: 60, save: (value) => board((doc, origin) => renameCategory(doc, itemId, value, origin)) } : gone;
    }
    case 'theme': {
      const theme = session.board.themes.find((t) => t.id === itemId);
      return theme ? { kind: 'field', value: theme.title, max: 120, save: (value) => board((doc, origin) => renameTheme(doc, itemId, value, origin)) } : gone;
    }
    case 'note':
      return { kind: 'note', noteId: itemId };
    default:
      return gone;
  }
}
