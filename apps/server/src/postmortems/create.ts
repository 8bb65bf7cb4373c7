import { createInitialDocuments, newId } from '@debrief/model';
import type { CreatePostmortemRequest } from '@debrief/protocol';
import type { Storage } from '../storage/storage.ts';
import { generateKey, hashKey } from './keys.ts';

/** A created post-mortem: its id and the two plain keys, which exist only in this answer and the links. */
export interface CreatedPostmortem {
  id: string;
  facilitatorKey: string;
  participantKey: string;
}

/** Creates the record (with hashed keys) and every document of the post-mortem. */
export async function createPostmortem(storage: Storage, input: CreatePostmortemRequest): Promise<CreatedPostmortem> {
  const id = newId();
  const facilitatorKey = generateKey();
  const participantKey = generateKey();
  const incidentAt = input.incidentAt ? new Date(input.incidentAt).toISOString() : null;
  const summary = input.summary ?? '';
  await storage.createPostmortem(
    {
      id,
      title: input.title,
      summary,
      incidentAt,
      createdAt: new Date().toISOString(),
      keyHashes: { facilitator: hashKey(facilitatorKey), participant: hashKey(participantKey) },
    },
    createInitialDocuments({ title: input.title, incidentAt: incidentAt ?? '', summary }),
  );
  return { id, facilitatorKey, participantKey };
}
