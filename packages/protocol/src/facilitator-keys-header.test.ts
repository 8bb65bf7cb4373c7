import { describe, expect, it } from 'vitest';
import { formatFacilitatorKeys, MAX_FACILITATOR_KEYS, parseFacilitatorKeys } from './facilitator-keys-header.ts';

const id = (n: number) => n.toString(36).padStart(16, '0');
const key = (c: string) => c.repeat(43);

describe('the facilitator keys header', () => {
  it('round-trips the keys a browser remembers', () => {
    const header = formatFacilitatorKeys({ [id(1)]: key('A'), [id(2)]: key('b') });
    expect(header).toBe(`${id(1)}:${key('A')},${id(2)}:${key('b')}`);
    expect(parseFacilitatorKeys(header)).toEqual({
      ok: true,
      keys: [
        { postmortemId: id(1), key: key('A') },
        { postmortemId: id(2), key: key('b') },
      ],
    });
  });

  it('reads an absent or empty header as no keys, and tolerates spaces and a repeated header', () => {
    expect(parseFacilitatorKeys(undefined)).toEqual({ ok: true, keys: [] });
    expect(parseFacilitatorKeys('  ')).toEqual({ ok: true, keys: [] });
    expect(parseFacilitatorKeys(` ${id(1)}:${key('A')} , ${id(2)}:${key('-')}`)).toMatchObject({ ok: true, keys: [{}, {}] });
    expect(parseFacilitatorKeys([`${id(1)}:${key('A')}`, `${id(2)}:${key('_')}`])).toMatchObject({ ok: true, keys: [{}, {}] });
  });

  it('refuses malformed pairs and too many pairs, without repeating what was sent', () => {
    for (const bad of [
      'nonsense',
      `${id(1)}`,
      `${id(1)}:`,
      `${id(1)}:${key('A')}:extra`,
      `${id(11).toUpperCase()}:${key('A')}`,
      `${id(1)}:${key('A')}x`,
      `${id(1)}:${key('A')},`,
      `${id(1)}:${'A'.repeat(42)}=`,
    ]) {
      const parsed = parseFacilitatorKeys(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).not.toContain('AAAA');
    }
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `${id(i)}:${key('A')}`).join(',');
    expect(parseFacilitatorKeys(pairs(MAX_FACILITATOR_KEYS))).toMatchObject({ ok: true });
    expect(parseFacilitatorKeys(pairs(MAX_FACILITATOR_KEYS + 1))).toMatchObject({ ok: false });
  });

  it('leaves out what a damaged local store holds, and anything beyond the limit, so the header is always valid', () => {
    expect(formatFacilitatorKeys({})).toBe('');
    expect(formatFacilitatorKeys({ 'not-an-id': key('A'), [id(1)]: 42, [id(2)]: 'short', [id(3)]: key('C') })).toBe(`${id(3)}:${key('C')}`);
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [id(i), key('A')]));
    const header = formatFacilitatorKeys(many);
    expect(parseFacilitatorKeys(header)).toMatchObject({ ok: true, keys: { length: MAX_FACILITATOR_KEYS } });
  });
});
