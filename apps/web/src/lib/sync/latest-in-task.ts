/**
 * Wraps `apply` so that several calls within one task apply once, with the last value, after the task (in a
 * timeout). Focus moving from one field to the next fires "left" and then "entered" in the same task, with
 * microtasks run between the two listeners when a click or Tab moves it: only where focus ends up needs to reach
 * everyone else.
 */
export function latestInTask<T>(apply: (value: T) => void): (value: T) => void {
  let queued = false;
  let latest: T;
  return (value) => {
    latest = value;
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      apply(latest);
    }, 0);
  };
}
