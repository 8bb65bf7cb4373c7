import type { Report, ReportFactor } from './report-snapshot.ts';

/** How a list section changed: entries are compared whole, so a reworded entry counts as one removed and one added. */
function listChange(heading: string, before: readonly string[], after: readonly string[]): string | null {
  const remaining = new Map<string, number>();
  for (const entry of before) remaining.set(entry, (remaining.get(entry) ?? 0) + 1);
  let added = 0;
  for (const entry of after) {
    const left = remaining.get(entry) ?? 0;
    if (left > 0) remaining.set(entry, left - 1);
    else added++;
  }
  const removed = [...remaining.values()].reduce((sum, left) => sum + left, 0);
  if (added === 0 && removed === 0) return null;
  const parts = [added ? `${added} added` : '', removed ? `${removed} removed` : ''].filter(Boolean);
  return `${heading}: ${parts.join(', ')}`;
}

const textChange = (heading: string, before: string, after: string) =>
  before === after ? null : !before ? `${heading} written` : !after ? `${heading} removed` : `${heading} reworded`;

/** Which of severity, services, teams and customer impact changed, named ("Incident details: severity, services changed"). */
function incidentChange(before: Report['incident'], after: Report['incident']): string | null {
  const changed = [
    before.severity !== after.severity && 'severity',
    before.services.join('\n') !== after.services.join('\n') && 'services',
    before.teams.join('\n') !== after.teams.join('\n') && 'teams',
    before.impactMinutes !== after.impactMinutes && 'customer impact',
  ].filter((name): name is string => typeof name === 'string');
  return changed.length ? `Incident details: ${changed.join(', ')} changed` : null;
}

const flat = (factors: ReportFactor[]): string[] =>
  factors.flatMap((f) => [`${f.text}|${f.cites?.kind ?? ''}|${f.cites?.text ?? ''}`, ...flat(f.children)]);

/**
 * What changed from one published version to the next, section by section, in words a reader scans ("Root causes:
 * 1 added"). Corrective actions are matched by id, so a reworded or rescheduled action reads as changed.
 */
export function reportChanges(before: Report, after: Report): string[] {
  const statements = (items: { statement: string }[]) => items.map((item) => item.statement);
  const beforeActions = new Map(before.correctiveActions.map((action) => [action.id, action]));
  const afterIds = new Set(after.correctiveActions.map((action) => action.id));
  const actionsAdded = after.correctiveActions.filter((action) => !action.id || !beforeActions.has(action.id)).length;
  const actionsRemoved = before.correctiveActions.filter((action) => !action.id || !afterIds.has(action.id)).length;
  const actionsChanged = after.correctiveActions.filter((action) => {
    const earlier = action.id ? beforeActions.get(action.id) : undefined;
    return earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(action);
  }).length;
  const actionParts = [
    actionsAdded ? `${actionsAdded} added` : '',
    actionsChanged ? `${actionsChanged} changed` : '',
    actionsRemoved ? `${actionsRemoved} removed` : '',
  ].filter(Boolean);
  const bones = (report: Report) =>
    report.contributingFactors.fishbone.categories.flatMap((bone) => flat(bone.factors).map((factor) => `${bone.name}|${factor}`));
  return [
    textChange('Title', before.title, after.title),
    textChange('Summary', before.summary, after.summary),
    textChange('Impact', before.impact, after.impact),
    incidentChange(before.incident, after.incident),
    listChange(
      'Timeline',
      before.timeline.map((e) => JSON.stringify(e)),
      after.timeline.map((e) => JSON.stringify(e)),
    ),
    listChange('Proximate cause', statements(before.proximateCauses), statements(after.proximateCauses)),
    listChange('Root causes', statements(before.rootCauses), statements(after.rootCauses)),
    listChange(
      'Contributing factors',
      before.contributingFactors.findings.map((f) => `${f.statement}|${f.category}`),
      after.contributingFactors.findings.map((f) => `${f.statement}|${f.category}`),
    ),
    textChange('The fishbone’s problem', before.contributingFactors.fishbone.problem, after.contributingFactors.fishbone.problem),
    listChange('Fishbone factors', bones(before), bones(after)),
    listChange('What went well', statements(before.wentWell), statements(after.wentWell)),
    listChange('Where we got lucky', statements(before.gotLucky), statements(after.gotLucky)),
    actionParts.length ? `Corrective actions: ${actionParts.join(', ')}` : null,
    textChange('Lessons learned', before.lessonsLearned, after.lessonsLearned),
    listChange(
      'Observations',
      before.observations.map((o) => JSON.stringify(o)),
      after.observations.map((o) => JSON.stringify(o)),
    ),
  ].filter((change): change is string => change !== null);
}
