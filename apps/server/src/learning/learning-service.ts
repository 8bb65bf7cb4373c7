import { doneOnTime } from '@debrief/model';
import type { LearningSummary } from '@debrief/protocol';
import { todayUtc, type ActionsService } from '../actions/actions-service.ts';
import type { Storage } from '../storage/storage.ts';
import { recurringIncidents } from './recurring-incidents.ts';
import { responseMedians } from './response-medians.ts';

/**
 * Patterns across published post-mortems (double-loop learning): which categories (of contributing factors and
 * root causes) keep coming back, month by month, and whether corrective actions get done on time. Uses each post-mortem's latest
 * published report for factors (its report index entry), and the actions with their follow-up status (their status
 * moves on after publishing), both from the indexes storage keeps, so no document is decoded here.
 *
 * Published only, with or without keys: unlike the Actions page, this takes no facilitator keys, because it is
 * about what the organisation has published and learned; a draft someone holds the key to is not part of that.
 */
export class LearningService {
  constructor(
    private readonly storage: Storage,
    private readonly actions: ActionsService,
  ) {}

  /** The summary, with every overdue action (in no particular order: the route sorts and pages them). */
  async summary(today = todayUtc()): Promise<Omit<LearningSummary, 'next'>> {
    const perMonth = new Map<string, Map<string, number>>();
    const published = new Set<string>();
    const index = await this.storage.listReportIndex();
    for (const report of index) {
      published.add(report.postmortemId);
      const month = (report.incidentAt ?? report.publishedAt).slice(0, 7);
      const counts = perMonth.get(month) ?? new Map<string, number>();
      for (const category of report.factorCategories) {
        const name = category || 'Uncategorised';
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      perMonth.set(month, counts);
    }
    const months = [...perMonth.keys()].sort();
    const names = [...new Set([...perMonth.values()].flatMap((counts) => [...counts.keys()]))].sort();
    // `list()` without keys is published-only already; the filter keeps this summary's two halves in step.
    const actions = (await this.actions.list()).filter((a) => published.has(a.postmortemId));
    return {
      months,
      categories: names.map((name) => ({ name, counts: months.map((m) => perMonth.get(m)?.get(name) ?? 0) })),
      responseTimes: responseMedians(index.map((entry) => ({ at: entry.incidentAt ?? entry.publishedAt, times: entry.responseTimes }))),
      recurring: recurringIncidents(index),
      actions: {
        total: actions.length,
        done: actions.filter((a) => a.status === 'done').length,
        doneOnTime: actions.filter((a) => doneOnTime(a)).length,
        // An action not due yet is neither on time nor late: it is left out of the share.
        dueOrDone: actions.filter((a) => a.status === 'done' || (a.due !== '' && a.due < today)).length,
        overdue: actions.filter((a) => a.overdue).length,
      },
      overdue: actions.filter((a) => a.overdue),
    };
  }
}
