// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferredNotesLayout, rememberNotesLayout } from './notes-layout.ts';

describe('notes layout preference', () => {
  afterEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
  });
  const screen = (wide: boolean) => vi.stubGlobal('matchMedia', (query: string) => ({ matches: wide && query.includes('min-width') }));

  it('shows the canvas on a wide screen and the list on a phone', () => {
    screen(true);
    expect(preferredNotesLayout()).toBe('canvas');
    screen(false);
    expect(preferredNotesLayout()).toBe('list');
  });

  it('keeps the choice this browser made, whatever the screen', () => {
    screen(true);
    rememberNotesLayout('list');
    expect(preferredNotesLayout()).toBe('list');
    screen(false);
    rememberNotesLayout('canvas');
    expect(preferredNotesLayout()).toBe('canvas');
  });

  it('ignores a stored value it does not know', () => {
    screen(true);
    localStorage.setItem('debrief.notes-layout', 'grid');
    expect(preferredNotesLayout()).toBe('canvas');
  });
});
