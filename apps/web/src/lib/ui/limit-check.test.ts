import { expect, it } from 'vitest';
import { limitCheck } from './limit-check.ts';

it('refuses text past the limit with the limit in words, and takes text up to it', () => {
  const check = limitCheck(5000, 'Lessons learned');
  expect(check('x'.repeat(5000))).toBeNull();
  expect(check('x'.repeat(5001))).toBe('Lessons learned is limited to 5,000 characters.');
});
