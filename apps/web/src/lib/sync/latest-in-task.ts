/**
 * Wraps `apply` so that several calls in a row apply once, with the last value, in a microtask. Focus moved by
 * script (the arrow keys on the timeline) fires "left" and then "entered" with no microtask between them: only
 * where focus ends up needs to reach everyone else. (A click or Tab runs microtasks between the two listeners, so
 * it still sends both; deferring to a later task instead measured slower, as the update then lands in the next
 * frame.)
 */
export function latestInTask<T>(apply: (value: T) => void): (value: T) => void {
  let queued = false;
  let latest: T;
  return (value) => {
    latest = value;
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      apply(latest);
    });
  };
}
