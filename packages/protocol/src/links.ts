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
