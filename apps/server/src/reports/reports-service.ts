import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { loadBlameModel } from '@debrief/blame-lint';
import {
  publishedStatements,
  readFindings,
  readFishbone,
  readMeta,
  reportChanges,
  reportSnapshot,
  writePublishedVersion,
  type NameReplacement,
} from '@debrief/model';
import { writeAsServer } from '../collab/server-writes.ts';
import { DOCUMENT_KINDS, documentName, type LibraryItem, type LibraryQuery, type Report, type SimilarIncident } from '@debrief/protocol';
import type { Lock } from '../postmortems/keyed-lock.ts';
import type { RevokeAccess } from '../postmortems/revoke-access.ts';
import type { Storage } from '../storage/storage.ts';
import { BlameUnresolvedError, blameGate } from './blame-gate.ts';
import { buildReport, loadSources, type ReportSources } from './build-report.ts';
import { similarIncidents } from './similar-incidents.ts';
import { snippetOf } from './snippet.ts';

const hasName = (names: readonly string[], wanted: string) => names.some((name) => name.toLowerCase() === wanted.toLowerCase());

/** Publishing frozen report versions, reading them, the library, and deleting a post-mortem for good. */
export class ReportsService {
  constructor(
    private readonly storage: Storage,
    private readonly collab: Hocuspocus,
    /** Serialises publishing and deleting per post-mortem. */
    private readonly lock: Lock,
    private readonly revokeAccess: RevokeAccess,
  ) {}

  /**
   * Freezes the current state as the next version, names replaced by roles everywhere; returns it. Refuses
   * (BlameUnresolvedError) while any statement about to be published reads as blame and the facilitator has neither
   * reworded it, hidden it (notes) nor kept it with a reason; kept statements and reasons go into the report's metadata.
   */
  publish(
    postmortemId: string,
    options: { names?: readonly NameReplacement[]; keep?: readonly { id: string; reason: string }[] } = {},
  ): Promise<Report> {
    return this.lock.run(postmortemId, async () => {
      const record = await this.storage.getPostmortem(postmortemId);
      if (!record) throw new Error('unknown post-mortem');
      // The gate decides with the learned model, as the facilitator's Review step does. Loaded on the first publish,
      // not at start: its language model costs about 50 MB that an instance which never publishes need not hold.
      await loadBlameModel();
      const latest = await this.storage.getReport(postmortemId);
      // A name replaced once stays replaced in every later version, even when a republish does not list it again.
      const names = withEarlierNames(options.names ?? [], latest?.names ?? []);
      const sources = await this.#sources(postmortemId);
      const docs = loadSources(sources);
      try {
        const statements = publishedStatements({ ...docs, fallback: record }, names);
        const { unresolved, kept } = blameGate(statements, options.keep ?? [], latest?.kept ?? []);
        if (unresolved.length > 0) throw new BlameUnresolvedError(unresolved);
        // Checked against the declaration before it is stored: a projection that drifts from it fails here, at
        // publish, not on every later read of what it stored.
        const built = buildReport(record, docs, (latest?.version ?? 0) + 1, new Date(), names);
        const report: Report = reportSnapshot.parse({
          ...built,
          changes: latest ? { since: latest.version, items: reportChanges(latest, { ...built, changes: null }) } : null,
          ...(kept.length ? { kept } : {}),
          ...(names.length ? { names: names.map(({ name, role }) => ({ name, role })) } : {}),
        });
        // With the findings document it was built from: the actions index then shows the follow-up status as published.
        await this.storage.saveReport(postmortemId, report, sources.findings ?? undefined);
        // Everyone on the board is told (a link to the report appears), through the document only the server writes.
        await writeAsServer(
          { collab: this.collab, storage: this.storage },
          postmortemId,
          'notes',
          (doc) => writePublishedVersion(doc, report.version),
          (state) => this.storage.storeDocument(postmortemId, 'notes', state),
        );
        return report;
      } finally {
        for (const doc of Object.values(docs)) doc.destroy();
      }
    });
  }

  /**
   * Removes every trace. Storage forgets it first, so the clients whose connections are closed next (on every
   * instance) are refused when they reconnect, and a save of a document still open finds nothing to save into.
   */
  delete(postmortemId: string): Promise<void> {
    return this.lock.run(postmortemId, async () => {
      await this.storage.deletePostmortem(postmortemId);
      await this.revokeAccess(postmortemId);
      for (const kind of DOCUMENT_KINDS) {
        const document = this.collab.documents.get(documentName(postmortemId, kind));
        if (document) await this.collab.unloadDocument(document);
      }
    });
  }

  /**
   * The latest version of every published post-mortem that matches (title, summary, impact, lessons, findings,
   * actions, timeline), each with a snippet of where the first search word was found, in no
   * particular order (the route sorts and pages them). Read from the report index, never from the reports themselves.
   */
  async library(query: LibraryQuery): Promise<LibraryItem[]> {
    const terms = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const items: LibraryItem[] = [];
    for (const entry of await this.storage.listReportIndex()) {
      const categories = [...new Set(entry.factorCategories.filter(Boolean))];
      const day = (entry.incidentAt ?? entry.publishedAt).slice(0, 10);
      // The index keeps the text as written (for snippets); only a search pays for folding its case.
      if (terms.length > 0) {
        const text = entry.searchText.toLowerCase();
        if (terms.some((term) => !text.includes(term))) continue;
      }
      if (query.from && day < query.from) continue;
      if (query.to && day > query.to) continue;
      if (query.category && !categories.includes(query.category)) continue;
      if (query.service && !hasName(entry.services, query.service)) continue;
      if (query.team && !hasName(entry.teams, query.team)) continue;
      if (query.severity && entry.severity !== query.severity) continue;
      const { postmortemId: id, title, incidentAt, publishedAt, version, summary, severity, services, teams } = entry;
      items.push({
        id,
        title,
        incidentAt,
        publishedAt,
        version,
        summary,
        categories,
        severity,
        services,
        teams,
        snippet: snippetOf(entry.searchText, terms),
      });
    }
    return items;
  }

  /** Published post-mortems sharing a service or a factor category with this one as its board stands now. */
  async similar(postmortemId: string): Promise<SimilarIncident[]> {
    // Every browser on a board asks once it opens: the open documents are read in place, never copied.
    const [{ services, bones }, findingCategories] = await Promise.all([
      this.#reading(postmortemId, 'board', (board) => ({
        services: readMeta(board).services,
        bones: readFishbone(board)
          .categories.filter((bone) => bone.factors.length > 0)
          .map((bone) => bone.name),
      })),
      this.#reading(postmortemId, 'findings', (findings) => readFindings(findings).map((finding) => finding.category)),
    ]);
    return similarIncidents({ id: postmortemId, services, categories: [...bones, ...findingCategories] }, await this.storage.listReportIndex());
  }

  /** Reads a document as it is now: the live one when this instance has it open, else a copy of the stored one. */
  async #reading<T>(postmortemId: string, kind: 'board' | 'findings', read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.collab.documents.get(documentName(postmortemId, kind));
    if (live) return read(live);
    const doc = new Y.Doc();
    try {
      const stored = await this.storage.loadDocument(postmortemId, kind);
      if (stored) Y.applyUpdate(doc, stored);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Each document as it is now: live if open, else as stored. */
  async #sources(postmortemId: string): Promise<ReportSources> {
    const read = async (kind: 'board' | 'notes' | 'findings') => {
      const live = this.collab.documents.get(documentName(postmortemId, kind));
      return live ? Y.encodeStateAsUpdate(live) : this.storage.loadDocument(postmortemId, kind);
    };
    return { board: await read('board'), notes: await read('notes'), findings: await read('findings') };
  }
}

/** The names given now, plus each name an earlier version replaced that is not among them (its role kept). */
function withEarlierNames(given: readonly NameReplacement[], earlier: readonly NameReplacement[]): NameReplacement[] {
  const now = new Set(given.map((n) => n.name.toLowerCase()));
  return [...given, ...earlier.filter((n) => !now.has(n.name.toLowerCase()))];
}
