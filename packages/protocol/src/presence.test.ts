import { describe, expect, it } from 'vitest';
import { parsePresence } from './presence.ts';

const user = { name: 'Alice', color: '#2f6fb4', role: 'participant' };

describe('presence states', () => {
  it('accepts what the web app announces, with or without an edited item', () => {
    expect(parsePresence({ user, editing: null })).toEqual({ user, editing: null });
    expect(parsePresence({ user, editing: 'a1b2c3d4e5f6g7h8' })).toEqual({ user, editing: 'a1b2c3d4e5f6g7h8' });
    expect(parsePresence({ user: { ...user, role: 'facilitator', color: '#AABBCC' } })).toEqual({
      user: { ...user, role: 'facilitator', color: '#AABBCC' },
      editing: null,
    });
  });

  it('strips unknown keys, at the top and in the user', () => {
    expect(parsePresence({ user: { ...user, avatar: 'x'.repeat(100) }, editing: null, cursor: { x: 1 }, note: 'draft' })).toEqual({
      user,
      editing: null,
    });
  });

  it('keeps a pointer on the canvas or the fishbone, and drops a malformed one without dropping the person', () => {
    const cursor = { surface: 'canvas', x: 120, y: -40 };
    expect(parsePresence({ user, editing: null, cursor })).toEqual({ user, editing: null, cursor });
    for (const bad of [{ surface: 'composer', x: 1, y: 1 }, { surface: 'canvas', x: 1e9, y: 0 }, { surface: 'fishbone', x: 'a', y: 0 }, null, 3]) {
      const parsed = parsePresence({ user, editing: null, cursor: bad });
      expect(parsed, JSON.stringify(bad)).toEqual({ user, editing: null });
      expect(parsed).not.toHaveProperty('cursor', bad);
    }
  });

  it('refuses anything that is not a presence state', () => {
    const refused: unknown[] = [
      null,
      {},
      'Alice',
      { user: { ...user, name: '' } },
      { user: { ...user, name: '   ' } },
      { user: { ...user, name: 'x'.repeat(61) } },
      { user: { ...user, color: 'red' } },
      { user: { ...user, color: '#2f6fb4; background: url(x)' } },
      { user: { ...user, role: 'admin' } },
      { user: { name: 'Alice', color: '#2f6fb4' } },
      { user, editing: 42 },
      { user, editing: '<img src=x>' },
      { user, editing: 'x'.repeat(65) },
    ];
    for (const state of refused) expect(parsePresence(state), JSON.stringify(state)).toBeNull();
  });

  it('trims names and allows the longest one', () => {
    expect(parsePresence({ user: { ...user, name: '  Bob  ' } })?.user.name).toBe('Bob');
    expect(parsePresence({ user: { ...user, name: 'x'.repeat(60) } })?.user.name).toHaveLength(60);
  });
});
