// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { forgetOwnerKey, ownerKeys, rememberOwnerKey } from './owner-keys.ts';

beforeEach(() => localStorage.clear());

const link = (actionId: string, key = `key-${actionId}`) => ({ postmortemId: 'pmpmpmpmpmpmpmpm', actionId, key });

it('remembers owner links per action, replaces one with a newer key and forgets one without touching the rest', () => {
  rememberOwnerKey(link('aaaaaaaaaaaaaaaa'));
  rememberOwnerKey(link('bbbbbbbbbbbbbbbb'));
  rememberOwnerKey(link('aaaaaaaaaaaaaaaa', 'newer'));
  expect(ownerKeys()).toEqual([link('aaaaaaaaaaaaaaaa', 'newer'), link('bbbbbbbbbbbbbbbb')]);
  forgetOwnerKey(link('aaaaaaaaaaaaaaaa'));
  expect(ownerKeys()).toEqual([link('bbbbbbbbbbbbbbbb')]);
});

it('reads damaged storage as nothing kept', () => {
  localStorage.setItem('debrief:owner-keys', '{not json');
  expect(ownerKeys()).toEqual([]);
  localStorage.setItem('debrief:owner-keys', JSON.stringify({ 'no-slash': 'k', 'pm/action': 42 }));
  expect(ownerKeys()).toEqual([]);
  rememberOwnerKey(link('cccccccccccccccc'));
  expect(ownerKeys()).toEqual([link('cccccccccccccccc')]);
});
