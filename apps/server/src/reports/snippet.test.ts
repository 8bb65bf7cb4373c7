import { expect, it } from 'vitest';
import { snippetOf } from './snippet.ts';

it('shows the line where the first search word occurs, cut to a window around it', () => {
  const text = ['Checkout outage', 'Config v42 deployed', `${'a'.repeat(300)} the pool setting ${'b'.repeat(300)}`].join('\n');
  expect(snippetOf(text, [])).toBeNull();
  expect(snippetOf(text, ['kubernetes'])).toBeNull();
  expect(snippetOf(text, ['deployed', 'config'])).toBe('Config v42 deployed');
  const long = snippetOf(text, ['pool'])!;
  expect(long).toContain('the pool setting');
  expect(long.startsWith('…') && long.endsWith('…')).toBe(true);
  expect(long.length).toBeLessThanOrEqual(162);
});
