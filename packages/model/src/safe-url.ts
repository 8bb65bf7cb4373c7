/**
 * The address as a browser would follow it, when it is an absolute http(s) URL; null for anything else
 * (`javascript:`, `data:`, relative or malformed). Links made of user data are written out only through this, in
 * the web app and in every export, because a client can put any string into a shared document.
 */
export function httpUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  // The parsed form, not the input: the parser drops tabs and line breaks and percent-encodes other controls.
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

/** True when the text is an absolute http(s) URL, the only kind of link Debrief renders or exports. */
export function isHttpUrl(value: string): boolean {
  return httpUrl(value) !== null;
}
