import * as Y from 'yjs';
import { META_KEY } from '@debrief/model';
import type { DecodedUpdate } from './frame-check.ts';

/** The key under `meta` that only the server (its migrations) writes. */
const SCHEMA_VERSION_KEY = 'schemaVersion';

/**
 * Whether a client's update sets, overwrites or deletes `meta.schemaVersion`. One participant writing 999 there
 * would make every client refuse the board as "written by a newer version"; only the server's migrations write it.
 *
 * Yjs encodes the parent and key of a new item only when it has no neighbours; an item that overwrites a map key
 * names the item it replaces (its origin) instead, so the parent is found by following origins, through the update
 * itself or the document. An origin found in neither cannot integrate until it arrives, and is checked then.
 */
export function writesSchemaMetadata(doc: Y.Doc, update: DecodedUpdate): boolean {
  // Checked for every client change: the update's own items are indexed only if an origin is not in the document.
  const inUpdate = new UpdateItems(update);
  for (const struct of update.structs) {
    // An item the document already holds changes nothing (Yjs skips it): a browser sending back the server's own
    // version item, e.g. its offline copy loaded while the socket was open, is not writing it.
    if (struct instanceof Y.Item && isSchemaVersionItem(doc, struct, inUpdate) && !findItem(doc, struct.id)) return true;
  }
  return deletesCurrentVersion(doc, update.ds);
}

/** The items of an update by id, indexed on first use. */
class UpdateItems {
  #byId: Map<string, Y.Item> | null = null;

  constructor(private readonly update: DecodedUpdate) {}

  get(id: Y.ID): Y.Item | undefined {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const struct of this.update.structs) if (struct instanceof Y.Item) this.#byId.set(idKey(struct.id), struct);
    }
    return this.#byId.get(idKey(id));
  }
}

function isSchemaVersionItem(doc: Y.Doc, item: Y.Item, inUpdate: UpdateItems): boolean {
  let current: Y.Item | null | undefined = item;
  // An origin chain is as long as the overwrites of one key in one update; the bound only stops a crafted cycle.
  for (let hops = 0; current && hops < 10_000; hops++) {
    if (typeof current.parent === 'string' || current.parent instanceof Y.AbstractType) {
      const root = typeof current.parent === 'string' ? current.parent : rootName(doc, current.parent);
      return root === META_KEY && current.parentSub === SCHEMA_VERSION_KEY;
    }
    // A parent given by id is a nested type: never `meta` itself, whose values are plain.
    if (current.parent !== null) return false;
    const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
    if (!neighbour) return false;
    current = findItem(doc, neighbour) ?? inUpdate.get(neighbour);
  }
  return false;
}

/** The root name of a type integrated in the document, or null for a nested one. */
function rootName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
  if (type._item) return null;
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

function findItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const state = doc.store.clients.get(id.client);
  const last = state?.[state.length - 1];
  if (!last || last.id.clock + last.length <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}

function deletesCurrentVersion(doc: Y.Doc, deletes: DecodedUpdate['ds']): boolean {
  const current = doc.getMap(META_KEY)._map.get(SCHEMA_VERSION_KEY);
  if (!current) return false;
  const { client, clock } = current.id;
  return (deletes.clients.get(client) ?? []).some((range: { clock: number; len: number }) => range.clock <= clock && clock < range.clock + range.len);
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
