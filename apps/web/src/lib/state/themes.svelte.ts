import {
  arrangeIntoTheme,
  groupInNewFrame,
  groupOnCanvas,
  LIMITS,
  moveNotes,
  renameTheme,
  setFrame,
  setNoteTheme,
  ungroupTheme,
  unplaceNotes,
  type Point,
  type Rect,
  type Theme,
} from '@debrief/model';
import type { BoardView } from './board.svelte.ts';
import type { DocumentEdits } from './document-edits.ts';

/** Themes: revealed notes grouped under a name, on the board document. */
export class ThemesState {
  constructor(
    private readonly view: BoardView,
    private readonly board: DocumentEdits,
  ) {}

  get all(): Theme[] {
    return this.view.themes;
  }

  /** Groups notes into a new theme, framed on the canvas after the others with the notes inside; returns its id. */
  create(title: string, noteIds: readonly string[]): string | null {
    return this.board.edit((doc, origin) => groupInNewFrame(doc, title.trim().slice(0, LIMITS.themeTitle), noteIds, origin));
  }

  rename(id: string, title: string): void {
    this.board.edit((doc, origin) => renameTheme(doc, id, title, origin));
  }

  /** Puts a note in a theme and a free cell of its frame, or (null) takes it out, back to the canvas's wall grid. */
  place(noteId: string, themeId: string | null): void {
    this.board.edit((doc, origin) => arrangeIntoTheme(doc, noteId, themeId, origin));
  }

  /** Puts a note in a theme (or none) where it already is on the canvas: a note dropped into a frame, or dragged out. */
  assign(noteId: string, themeId: string | null): void {
    this.board.edit((doc, origin) => setNoteTheme(doc, noteId, themeId, origin));
  }

  ungroup(id: string): void {
    this.board.edit((doc, origin) => ungroupTheme(doc, id, origin));
  }

  /** Where each note someone moved sits on the canvas. */
  get placements(): ReadonlyMap<string, Point> {
    return this.view.placements;
  }

  /** Moves notes on the canvas, all at once for everyone. */
  move(moves: readonly ({ id: string } & Point)[]): void {
    if (moves.length) this.board.edit((doc, origin) => moveNotes(doc, moves, origin));
  }

  /** Sends notes back to the canvas's wall grid. */
  unplace(noteIds: readonly string[]): void {
    if (noteIds.length) this.board.edit((doc, origin) => unplaceNotes(doc, noteIds, origin));
  }

  /** Groups notes into a new theme framed where they were dropped on the canvas; returns its id. */
  groupAt(noteIds: readonly string[], at: Point): string | null {
    return this.board.edit((doc, origin) => groupOnCanvas(doc, noteIds, at, '', origin));
  }

  /** Moves (carrying its notes) or resizes a theme's frame. */
  setFrame(id: string, frame: Rect): void {
    this.board.edit((doc, origin) => setFrame(doc, id, frame, origin));
  }
}
