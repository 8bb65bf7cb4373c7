import type { Storage } from '../storage/storage.ts';

/** Storage that can be switched off, as a database that went down: every call fails until it is back. */
export interface SwitchableStorage {
  storage: Storage;
  down: boolean;
  /** Calls refused while down. */
  refused: number;
}

export function switchable(real: Storage): SwitchableStorage {
  const state: SwitchableStorage = { storage: real, down: false, refused: 0 };
  state.storage = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        if (state.down) {
          state.refused++;
          return Promise.reject(new Error('storage is down (connection refused)'));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return state;
}
