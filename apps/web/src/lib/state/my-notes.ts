import { isNoteColor, type NoteContent } from '@debrief/model';

/** A note this browser wrote: the secret proves authorship; the content lets the author see it before reveal. */
export interface MyNote extends NoteContent {
  id: string;
  secret: string;
}

const storageKey = (postmortemId: string) => `debrief:notes:${postmortemId}`;

function isMyNote(value: unknown): value is MyNote {
  const note = value as MyNote | null;
  return typeof note?.id === 'string' && typeof note.secret === 'string' && typeof note.text === 'string' && isNoteColor(note.color);
}

/** The notes this browser wrote for a post-mortem. They never leave this browser except as HTTP calls. */
export function loadMyNotes(postmortemId: string): MyNote[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(postmortemId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isMyNote) : [];
  } catch {
    return [];
  }
}

/** Remembers this browser's notes for a post-mortem. */
export function saveMyNotes(postmortemId: string, notes: readonly MyNote[]): void {
  try {
    localStorage.setItem(storageKey(postmortemId), JSON.stringify(notes));
  } catch {
    // Storage full or disabled: the notes still exist on the server; only the "yours" marks are lost.
  }
}

/** Forgets this browser's notes for a post-mortem (it was deleted). */
export function forgetMyNotes(postmortemId: string): void {
  try {
    localStorage.removeItem(storageKey(postmortemId));
  } catch {
    // Without storage there is nothing kept.
  }
}
