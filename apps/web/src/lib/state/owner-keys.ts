import { keyStore } from './key-store.ts';

/** Owner links this browser has opened, by `<postmortemId>/<actionId>`: the Actions page lists those actions first. */
const owners = keyStore('debrief:owner-keys');

export interface OwnerKey {
  postmortemId: string;
  actionId: string;
  key: string;
}

/** Every owner link this browser opened. */
export function ownerKeys(): OwnerKey[] {
  return Object.entries(owners.all()).flatMap(([entry, key]) => {
    const [postmortemId, actionId] = entry.split('/');
    return postmortemId && actionId && typeof key === 'string' ? [{ postmortemId, actionId, key }] : [];
  });
}

export const rememberOwnerKey = ({ postmortemId, actionId, key }: OwnerKey) => owners.remember(`${postmortemId}/${actionId}`, key);

/** Forgets an owner link that no longer works (replaced, revoked, or its action deleted). */
export const forgetOwnerKey = ({ postmortemId, actionId }: Omit<OwnerKey, 'key'>) => owners.forget(`${postmortemId}/${actionId}`);
