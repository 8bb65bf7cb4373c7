import { isItemId, isPostmortemId } from './ids.ts';

/** A join link: `<origin>/pm/<id>#k=<key>`; the key sits in the fragment so it never reaches a request line. */
export function joinLink(origin: string, postmortemId: string, key: string): string {
  return `${origin}/pm/${postmortemId}#k=${key}`;
}

/** Reads the key from a URL fragment such as `#k=…`, or null when there is none. */
export function keyFromFragment(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  return key ? key : null;
}

/** Reads the post-mortem id from a board path such as `/pm/<id>`, or null. */
export function postmortemIdFromPath(pathname: string): string | null {
  const match = /^\/pm\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * An action owner link: `<origin>/o/<postmortemId>/<actionId>#k=<key>`. The key opens that one corrective action's
 * follow-up (status, progress note, tracker link) and nothing else of the post-mortem.
 */
export function ownerLink(origin: string, postmortemId: string, actionId: string, key: string): string {
  return `${origin}/o/${postmortemId}/${actionId}#k=${key}`;
}

/** Reads the post-mortem and action ids from an owner link's path (`/o/<postmortemId>/<actionId>`), or null. */
export function ownedActionFromPath(pathname: string): { postmortemId: string; actionId: string } | null {
  const match = /^\/o\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1] || !match[2] || !isPostmortemId(match[1]) || !isItemId(match[2])) return null;
  return { postmortemId: match[1], actionId: match[2] };
}
