// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { undoScopeOf } from './undo-scope.ts';

it('follows focus: a live field names its document, a plain field keeps the browser’s undo, the rest is the board', () => {
  document.body.innerHTML = `
    <div data-undo-scope="findings"><textarea id="finding"></textarea></div>
    <div data-undo-scope="board"><input id="event" /></div>
    <textarea id="draft"></textarea>
    <button id="card">card</button>`;
  const el = (id: string) => document.getElementById(id);
  expect(undoScopeOf(el('finding'))).toBe('findings');
  expect(undoScopeOf(el('event'))).toBe('board');
  expect(undoScopeOf(el('draft'))).toBe('native');
  expect(undoScopeOf(el('card'))).toBe('board');
  expect(undoScopeOf(null)).toBe('board');
});
