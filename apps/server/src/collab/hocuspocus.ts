import { Hocuspocus } from '@hocuspocus/server';
import type { Storage } from '../storage/storage.ts';
import { authenticate } from './auth.ts';
import { loadDocument, storeDocument, type PersistenceLog } from './persistence.ts';

/** The Yjs sync engine with our auth and persistence hooks; the socket side lives in websocket.ts. */
export function createCollab(storage: Storage, log: PersistenceLog): Hocuspocus {
  return new Hocuspocus({
    name: 'debrief',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    onAuthenticate: authenticate(storage),
    onLoadDocument: loadDocument(storage, log),
    onStoreDocument: storeDocument(storage),
  });
}
