import type { Hocuspocus } from '@hocuspocus/server';
import { addEvent, CAPS, LIMITS, readMeta, readTimeline } from '@debrief/model';
import type { TimelineImportRequest, TimelineImportResponse } from '@debrief/protocol';
import { dayIn, ImportError, parseImport, planImport } from '@debrief/timeline-import';
import { SERVER_ORIGIN, writeAsServer } from '../collab/server-writes.ts';
import type { Lock } from '../postmortems/keyed-lock.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * Reads a file into a post-mortem's timeline, all or nothing: the file is parsed and planned against the board as
 * it is now, and every event is added in one server write, which everyone on the board sees at once. A file that
 * cannot be read, or that would take the timeline past its cap, adds nothing (ImportError).
 */
export class TimelineImportService {
  constructor(
    private readonly storage: Storage,
    private readonly collab: Hocuspocus,
    private readonly lock: Lock,
  ) {}

  run(postmortemId: string, request: TimelineImportRequest): Promise<TimelineImportResponse> {
    const zone = request.timeZone ?? 'UTC';
    return this.lock.run(postmortemId, async () => {
      let response: TimelineImportResponse = { imported: 0, skipped: 0, events: [] };
      await writeAsServer(
        { collab: this.collab, storage: this.storage },
        postmortemId,
        'board',
        (doc) => {
          const date = request.date ?? dayIn(readMeta(doc).incidentAt, zone);
          const { rows } = parseImport(request.format, request.content, { timeZone: zone, date, columns: request.columns });
          const existing = readTimeline(doc);
          const plan = planImport(rows, { picked: request.rows, roles: request.roles, existing, maxText: LIMITS.eventWhat });
          if (existing.length + plan.events.length > CAPS.events) {
            throw new ImportError(
              'too_many_rows',
              `A timeline holds at most ${CAPS.events.toLocaleString('en')} events: this one has ${existing.length} and the import would add ${plan.events.length}. Pick fewer rows.`,
            );
          }
          // One millisecond apart: rows at the same time keep the file's order (the timeline breaks ties by creation).
          const now = Date.now();
          const ids = doc.transact(
            () =>
              plan.events.map((event, i) =>
                addEvent(doc, { at: event.at, what: event.what, marker: event.marker, source: event.source }, SERVER_ORIGIN, now + i),
              ),
            SERVER_ORIGIN,
          );
          response = { imported: ids.length, skipped: plan.skipped, events: ids };
        },
        (state) => this.storage.storeDocument(postmortemId, 'board', state),
      );
      return response;
    });
  }
}
