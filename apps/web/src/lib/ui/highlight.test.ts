import { expect, it } from 'vitest';
import { highlightRuns } from './highlight.ts';

it('marks every occurrence of the search words, any case, and leaves the rest as text', () => {
  expect(highlightRuns('Config v42 deployed; config reverted', ['CONFIG'])).toEqual([
    { text: 'Config', match: true },
    { text: ' v42 deployed; ', match: false },
    { text: 'config', match: true },
    { text: ' reverted', match: false },
  ]);
  expect(highlightRuns('<b>pool</b>', ['pool', 'po'])).toEqual([
    { text: '<b>', match: false },
    { text: 'pool', match: true },
    { text: '</b>', match: false },
  ]);
  expect(highlightRuns('nothing here', [])).toEqual([{ text: 'nothing here', match: false }]);
});
