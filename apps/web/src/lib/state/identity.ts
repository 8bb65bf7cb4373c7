import { LIMITS } from '@debrief/model';

const NAME_KEY = 'debrief:name';
const COLOR_KEY = 'debrief:color';

/** Colours that stay readable as text on white and distinct from each other. */
export const PRESENCE_COLORS = ['#b4462f', '#2f6fb4', '#2f8f5b', '#8a4fb8', '#b8861b', '#1f8a8a', '#c2416f', '#5a6b2f'];

/** The display name this browser remembers, or null on first visit. */
export function rememberedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

/** Remembers the display name for the next board this browser opens. */
export function rememberName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode: the name simply is not remembered.
  }
}

/** Checks a display name; returns a message, or null when it is fine. */
export function checkDisplayName(name: string): string | null {
  if (name.trim() === '') return 'Please enter a name so others know who is here.';
  if (name.trim().length > LIMITS.displayName) return `Names are limited to ${LIMITS.displayName} characters.`;
  return null;
}

/** This browser's presence colour, picked once and kept. */
export function presenceColor(): string {
  try {
    const stored = localStorage.getItem(COLOR_KEY);
    if (stored && PRESENCE_COLORS.includes(stored)) return stored;
    const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? '#2f6fb4';
    localStorage.setItem(COLOR_KEY, color);
    return color;
  } catch {
    return PRESENCE_COLORS[0] ?? '#2f6fb4';
  }
}
