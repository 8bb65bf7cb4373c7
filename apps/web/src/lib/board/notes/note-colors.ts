import type { NoteColor } from '@debrief/model';

/** Paper and edge colours for each sticky-note colour name; text on all of them meets WCAG AA. */
export const NOTE_PALETTE: Record<NoteColor, { paper: string; edge: string; label: string }> = {
  yellow: { paper: '#fff4b8', edge: '#e8cf5a', label: 'Yellow' },
  pink: { paper: '#ffdce6', edge: '#eb9db4', label: 'Pink' },
  blue: { paper: '#d9eaff', edge: '#8fb7e8', label: 'Blue' },
  green: { paper: '#daf3dc', edge: '#8fcb95', label: 'Green' },
  orange: { paper: '#ffe3c7', edge: '#efaa69', label: 'Orange' },
  purple: { paper: '#ebe0ff', edge: '#b79ae8', label: 'Purple' },
};
