/** Runs tasks one at a time per key. In one process a KeyedLock; across instances a PostgresLock. */
export interface Lock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Runs tasks one at a time per key (a post-mortem id), so a reveal never interleaves with a submission. */
export class KeyedLock implements Lock {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task with the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}

/** The same lock under a name of its own, so unrelated writers of one post-mortem do not wait for each other. */
export function scopedLock(lock: Lock, scope: string): Lock {
  return { run: (key, task) => lock.run(`${scope}:${key}`, task) };
}
