import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { spliceBetween, transformPosition, type TextDelta } from './diff.ts';

describe('spliceBetween', () => {
  it('finds typed, deleted and replaced regions', () => {
    expect(spliceBetween('abc', 'abc')).toBeNull();
    expect(spliceBetween('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' });
    expect(spliceBetween('abc', 'ac')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(spliceBetween('hello world', 'hello there world')).toEqual({ index: 6, remove: 0, insert: 'there ' });
    expect(spliceBetween('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
    expect(spliceBetween('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' });
    expect(spliceBetween('old text', '')).toEqual({ index: 0, remove: 8, insert: '' });
  });

  it('turns the old string into the new one when applied', () => {
    const pairs = [
      ['The DB failed', 'The primary DB failed over'],
      ['xyz', 'xyzxyz'],
      ['abcabc', 'abc'],
      ['🙂a', '🙂ba'],
    ];
    for (const [before, after] of pairs) {
      const splice = spliceBetween(before!, after!)!;
      expect(before!.slice(0, splice.index) + splice.insert + before!.slice(splice.index + splice.remove)).toBe(after);
    }
  });
});

describe('transformPosition', () => {
  const deltaOf = (change: (text: Y.Text) => void, initial = 'hello world') => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, initial);
    let delta: TextDelta = [];
    text.observe((event) => {
      delta = event.delta as TextDelta;
    });
    change(text);
    return delta;
  };

  it('shifts the caret past text inserted before it', () => {
    expect(
      transformPosition(
        6,
        deltaOf((t) => t.insert(0, '>> ')),
      ),
    ).toBe(9);
  });
  it('keeps the caret when text is inserted after it or exactly at it', () => {
    expect(
      transformPosition(
        5,
        deltaOf((t) => t.insert(8, 'XX')),
      ),
    ).toBe(5);
    expect(
      transformPosition(
        5,
        deltaOf((t) => t.insert(5, 'XX')),
      ),
    ).toBe(5);
  });
  it('pulls the caret back over deleted text, clamping inside a deleted range', () => {
    expect(
      transformPosition(
        11,
        deltaOf((t) => t.delete(0, 6)),
      ),
    ).toBe(5);
    expect(
      transformPosition(
        3,
        deltaOf((t) => t.delete(1, 5)),
      ),
    ).toBe(1);
    expect(
      transformPosition(
        2,
        deltaOf((t) => t.delete(6, 5)),
      ),
    ).toBe(2);
  });
});
