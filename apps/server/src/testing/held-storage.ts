import type { Storage } from '../storage/storage.ts';

/**
 * Storage whose next read of a post-mortem can be held: the read happens at once, and its answer is delivered only
 * when released. A test can then change the post-mortem between a key check's read and its outcome.
 */
export interface HeldStorage {
  storage: Storage;
  /** Holds the next `getPostmortem`; resolves once a read is being held, with the function that releases it. */
  holdNextRead(): Promise<() => void>;
}

export function holdable(real: Storage): HeldStorage {
  let armed: ((release: () => void) => void) | undefined;
  const storage = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'getPostmortem') return typeof value === 'function' ? value.bind(target) : value;
      return async (id: string) => {
        const record = await target.getPostmortem(id);
        const held = armed;
        armed = undefined;
        if (held) await new Promise<void>((release) => held(release));
        return record;
      };
    },
  });
  return { storage, holdNextRead: () => new Promise((resolve) => (armed = resolve)) };
}
