import { flushSync } from 'svelte';

/**
 * For tests of per-key reactivity: one effect per key, as the board has one component per item, recording what each
 * shows and how often each had to run again. Call `stop` when done.
 */
export function watchKeys(keys: string[], show: (key: string) => string) {
  // The test's own records, written by the effects and read by the test: nothing reacts to them.
  /* eslint-disable svelte/prefer-svelte-reactivity */
  const reads = new Map(keys.map((key) => [key, 0]));
  const shown = new Map<string, string>();
  /* eslint-enable svelte/prefer-svelte-reactivity */
  const stop = $effect.root(() => {
    for (const key of keys) {
      $effect(() => {
        shown.set(key, show(key));
        reads.set(key, reads.get(key)! + 1);
      });
    }
  });
  flushSync();
  return { reads, shown, stop };
}
