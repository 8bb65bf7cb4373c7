import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createInitialDocuments } from '../schema/initial.ts';
import { migrate, schemaVersion } from '../schema/versioning.ts';
import { actionsMap, addAction, isCommitted, isOverdue, linkActionFinding, readActions, updateAction } from './actions.ts';
import { findingsMigrations } from './migrations.ts';
import { demoteFinding, findingsMap, findingStatement, mergeFindings, moveFinding, promoteFinding, readFindings, retypeFinding } from './findings.ts';
import { adjacentPhase } from './phases.ts';
import { readReview } from './review.ts';
import { extendTimer, pauseTimer, readFacilitation, resumeTimer, setPhase, startTimer, stopTimer, timeLeft } from './session.ts';

const findingsDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createInitialDocuments({ title: 't' }).findings);
  return doc;
};

describe('facilitation', () => {
  it('starts in the timeline phase, boards following', () => {
    const doc = findingsDoc();
    expect(schemaVersion(doc)).toBe(5);
    expect(readReview(doc)).toEqual({ impact: '', lessons: '' });
    expect(readFacilitation(doc)).toMatchObject({ phase: 'timeline', roam: false });
    setPhase(doc, adjacentPhase('timeline', 1));
    expect(readFacilitation(doc).phase).toBe('observations');
    expect(adjacentPhase('review', 1)).toBe('review');
    expect(adjacentPhase('timeline', -1)).toBe('timeline');
  });

  it('runs a timer that pauses, resumes, extends and stops', () => {
    const doc = findingsDoc();
    startTimer(doc, 5 * 60_000, 1_000);
    expect(timeLeft(readFacilitation(doc).timer, 61_000)).toBe(4 * 60_000);
    pauseTimer(doc, 61_000);
    expect(readFacilitation(doc).timer.endsAt).toBeNull();
    expect(timeLeft(readFacilitation(doc).timer, 999_999)).toBe(4 * 60_000);
    resumeTimer(doc, 100_000);
    expect(timeLeft(readFacilitation(doc).timer, 100_000)).toBe(4 * 60_000);
    extendTimer(doc, 60_000, 100_000);
    expect(timeLeft(readFacilitation(doc).timer, 100_000)).toBe(5 * 60_000);
    expect(timeLeft(readFacilitation(doc).timer, 10_000_000)).toBe(0);
    stopTimer(doc);
    expect(readFacilitation(doc).timer).toEqual({ durationMs: 0, endsAt: null, remainingMs: 0 });
  });
});

describe('findings', () => {
  it('promotes with a type and a source, keeps its own statement, reorders within a type', () => {
    const doc = findingsDoc();
    const a = promoteFinding(doc, { type: 'root', statement: 'No owner for shared jobs', source: { kind: 'factor', id: 'f1' } });
    const b = promoteFinding(doc, { type: 'root', statement: 'Alerts not tested', source: { kind: 'theme', id: 't1' } });
    promoteFinding(doc, { type: 'proximate', statement: 'Rebuild at peak', source: { kind: 'note', id: 'n1' } });
    findingStatement(doc, a)?.insert(0, 'Systemic: ');
    moveFinding(doc, b, -1);
    const roots = readFindings(doc).filter((f) => f.type === 'root');
    expect(roots.map((f) => f.statement)).toEqual(['Alerts not tested', 'Systemic: No owner for shared jobs']);
    expect(roots[1]!.sources).toEqual([{ kind: 'factor', id: 'f1' }]);
    retypeFinding(doc, a, 'contributing', 'Ownership & communication');
    expect(readFindings(doc).find((f) => f.id === a)).toMatchObject({ type: 'contributing', category: 'Ownership & communication' });
  });

  it('merges findings (statements, sources and actions) and demotes them', () => {
    const doc = findingsDoc();
    const a = promoteFinding(doc, { type: 'root', statement: 'A', source: { kind: 'note', id: 'n1' } });
    const b = promoteFinding(doc, { type: 'root', statement: 'B', source: { kind: 'note', id: 'n2' } });
    const action = addAction(doc, [b], 'Fix B');
    mergeFindings(doc, a, b);
    expect(readFindings(doc)).toEqual([
      expect.objectContaining({
        id: a,
        statement: 'A; B',
        sources: [
          { kind: 'note', id: 'n1' },
          { kind: 'note', id: 'n2' },
        ],
      }),
    ]);
    expect(readActions(doc)[0]!.findingIds).toEqual([a]);
    demoteFinding(doc, a);
    expect(readFindings(doc)).toEqual([]);
    expect(readActions(doc).find((x) => x.id === action)!.findingIds).toEqual([]);
  });
});

describe('corrective actions', () => {
  it('knows committed and overdue actions', () => {
    const doc = findingsDoc();
    const id = addAction(doc, ['f1'], 'Add a maintenance calendar');
    expect(isCommitted(readActions(doc)[0]!)).toBe(false);
    updateAction(doc, id, { owner: 'Platform team', due: '2026-12-01', priority: 'high', kind: 'process' });
    const action = readActions(doc)[0]!;
    expect(action).toMatchObject({ owner: 'Platform team', due: '2026-12-01', priority: 'high', kind: 'process', status: 'open' });
    expect(isCommitted(action)).toBe(true);
    expect(isOverdue(action, '2026-12-02')).toBe(true);
    expect(isOverdue(action, '2026-12-01')).toBe(false);
    updateAction(doc, id, { status: 'done' });
    expect(isOverdue(readActions(doc)[0]!, '2027-01-01')).toBe(false);
    expect(updateAction(doc, 'missing', { owner: 'x' })).toBe(false);
  });
});

describe('done on time', () => {
  it('records the day an action is done and compares it with the due date', async () => {
    const { statusPatch, doneOnTime } = await import('./actions.ts');
    expect(statusPatch('done', '2026-12-01')).toEqual({ status: 'done', doneAt: '2026-12-01' });
    expect(statusPatch('open', '2026-12-01')).toEqual({ status: 'open', doneAt: '' });
    expect(doneOnTime({ status: 'done', due: '2026-12-01', doneAt: '2026-12-01' })).toBe(true);
    expect(doneOnTime({ status: 'done', due: '2026-12-01', doneAt: '2026-12-02' })).toBe(false);
    expect(doneOnTime({ status: 'in_progress', due: '2026-12-01', doneAt: '' })).toBe(false);
  });
});

describe('action findings as a list', () => {
  it('keeps both links when two people link different findings at once', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const action = addAction(a, []);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    linkActionFinding(a, action, 'finding-1', true);
    linkActionFinding(b, action, 'finding-2', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(readActions(doc)[0]!.findingIds.sort()).toEqual(['finding-1', 'finding-2']);
    linkActionFinding(a, action, 'finding-1', false);
    expect(readActions(a)[0]!.findingIds).toEqual(['finding-2']);
  });

  it('migrates the JSON string documents before version 4 kept', () => {
    const doc = new Y.Doc();
    migrate(doc, findingsMigrations, 3);
    const action = addAction(doc, []);
    actionsMap(doc)
      .get(action)!
      .set('findingIds', JSON.stringify(['x', 'y']));
    expect(readActions(doc)[0]!.findingIds).toEqual(['x', 'y']);
    migrate(doc, findingsMigrations, 4);
    expect(actionsMap(doc).get(action)!.get('findingIds')).toBeInstanceOf(Y.Array);
    expect(readActions(doc)[0]!.findingIds).toEqual(['x', 'y']);
  });
});

describe('finding sources as a list', () => {
  it('keeps what both merges brought when two browsers merge different findings into one at once', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const target = promoteFinding(a, { type: 'root', statement: 'T', source: { kind: 'note', id: 'n1' } });
    const first = promoteFinding(a, { type: 'root', statement: 'F', source: { kind: 'theme', id: 't1' } });
    const second = promoteFinding(a, { type: 'root', statement: 'S', source: { kind: 'factor', id: 'f1' } });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    mergeFindings(a, target, first);
    mergeFindings(b, target, second);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const sources = readFindings(doc)
        .find((f) => f.id === target)!
        .sources.map((s) => `${s.kind}:${s.id}`)
        .sort();
      expect(sources).toEqual(['factor:f1', 'note:n1', 'theme:t1']);
    }
  });

  it('migrates the JSON string documents before version 5 kept, dropping entries that are not sources', () => {
    const doc = new Y.Doc();
    migrate(doc, findingsMigrations, 4);
    const id = promoteFinding(doc, { type: 'root', statement: 'x' });
    findingsMap(doc)
      .get(id)!
      .set(
        'sources',
        JSON.stringify([
          { kind: 'note', id: 'n1' },
          { kind: 'person', id: 'bob' },
          { kind: 'theme', id: 't1' },
        ]),
      );
    expect(readFindings(doc)[0]!.sources).toEqual([
      { kind: 'note', id: 'n1' },
      { kind: 'theme', id: 't1' },
    ]);
    migrate(doc, findingsMigrations, 5);
    expect(findingsMap(doc).get(id)!.get('sources')).toBeInstanceOf(Y.Array);
    expect(readFindings(doc)[0]!.sources).toEqual([
      { kind: 'note', id: 'n1' },
      { kind: 'theme', id: 't1' },
    ]);
  });
});
