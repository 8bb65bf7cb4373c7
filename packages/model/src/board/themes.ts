import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { THEME_RECORD } from '../schema/board-records.ts';
import { readRecord, writeFields } from '../schema/fields.ts';
import { frameUnframedThemes } from './canvas.ts';

/**
 * Themes group revealed notes, in the board document (anyone may group): `themes` holds theme records
 * (declared in schema/board-records.ts) and `noteThemes` maps a note to its one theme.
 */
export interface Theme {
  id: string;
  title: string;
  order: number;
  noteIds: string[];
  /** Its frame on the canvas (board/canvas.ts); width 0 until the canvas lays it out. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export const themesMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('themes');
export const noteThemesMap = (doc: Y.Doc) => doc.getMap<string>('noteThemes');

/** Every theme with its notes (only notes still in `existingNoteIds` when given), in order. */
export function readThemes(doc: Y.Doc): Theme[] {
  const themes = new Map<string, Theme>();
  themesMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const { title, order, x, y, width, height } = readRecord(entry, THEME_RECORD);
    themes.set(id, { id, title, order, x, y, width, height, noteIds: [] });
  });
  noteThemesMap(doc).forEach((themeId, noteId) => themes.get(themeId)?.noteIds.push(noteId));
  return [...themes.values()]
    .map((theme) => ({ ...theme, noteIds: theme.noteIds.sort() }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Groups notes into a new theme (taking them out of any other theme); returns its id. */
export function createTheme(doc: Y.Doc, title: string, noteIds: readonly string[], origin: unknown = null): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    writeFields(entry, THEME_RECORD, { id, title, order: readThemes(doc).reduce((max, t) => Math.max(max, t.order), 0) + 1 });
    themesMap(doc).set(id, entry);
    for (const noteId of noteIds) noteThemesMap(doc).set(noteId, id);
    // Its frame goes after the others on the canvas, with its notes inside.
    frameUnframedThemes(doc, origin);
  }, origin);
  return id;
}

/** Renames a theme. */
export function renameTheme(doc: Y.Doc, id: string, title: string, origin: unknown = null): void {
  const entry = themesMap(doc).get(id);
  if (entry) doc.transact(() => entry.set('title', title), origin);
}

/** Puts a note into a theme (or, with null, takes it out of its theme). */
export function setNoteTheme(doc: Y.Doc, noteId: string, themeId: string | null, origin: unknown = null): void {
  doc.transact(() => {
    if (themeId && themesMap(doc).has(themeId)) noteThemesMap(doc).set(noteId, themeId);
    else noteThemesMap(doc).delete(noteId);
  }, origin);
}

/** Dissolves a theme; its notes stay on the board, ungrouped. */
export function ungroupTheme(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => {
    noteThemesMap(doc).forEach((themeId, noteId) => {
      if (themeId === id) noteThemesMap(doc).delete(noteId);
    });
    themesMap(doc).delete(id);
  }, origin);
}
