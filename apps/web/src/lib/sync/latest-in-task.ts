/**
 * Wraps `apply` so that several calls within one task apply once, with the last value, when the task ends (in a
 * microtask). Focus moving from one field to the next fires "left" and then "entered" in the same task: only where
 * it ends up needs to reach everyone else.
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
