/**
 * Derives one value per source object and hands back the same value while that object lives. Notes and events that
 * did not change keep their objects (shareUnchanged), so lists derived through this keep their unchanged items too.
 */
export function perObject<K extends object, V>(build: (source: K) => V): (source: K) => V {
  const made = new WeakMap<K, V>();
  return (source) => {
    if (!made.has(source)) made.set(source, build(source));
    return made.get(source)!;
  };
}
