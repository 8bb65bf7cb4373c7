import { ImportError } from './import-error.ts';
import { entriesOf, isRecord, stringOf } from './json-input.ts';
import { readTimestamp } from './times.ts';
import type { ImportRow, ParseResult, SuggestedMarker } from './types.ts';

/** The log entry types that mark a moment of the response. */
const MARKERS: Record<string, SuggestedMarker> = { trigger: 'detection', resolve: 'resolution' };

/**
 * PagerDuty's incident log (`GET /incidents/{id}/log_entries`): one row per entry, its summary as the text (a
 * note's own words for an annotation), the agent (a person, a service, an integration) as the author.
 */
export function parsePagerDuty(data: unknown): ParseResult {
  const entries = entriesOf(data, 'log_entries', 'a PagerDuty incident log');
  const rows: ImportRow[] = entries.map((entry, position) => {
    const where = `Log entry ${position + 1} of this PagerDuty log`;
    if (!isRecord(entry)) throw new ImportError('malformed', `${where} is not an object.`);
    const created = stringOf(entry.created_at);
    const time = readTimestamp(created, 'UTC');
    if (!time) throw new ImportError('malformed', `${where} has no time (its "created_at" is ${JSON.stringify(entry.created_at ?? null)}).`);
    const type = stringOf(entry.type).replace(/_log_entry(_reference)?$/, '');
    if (!type) throw new ImportError('wrong_format', `${where} has no "type": this does not look like PagerDuty log entries.`);
    const channel = isRecord(entry.channel) ? entry.channel : {};
    const annotation = type === 'annotate' ? stringOf(channel.summary) || stringOf(channel.content) : '';
    const text = annotation || stringOf(entry.summary) || type;
    const agent = isRecord(entry.agent) ? entry.agent : {};
    return {
      index: position,
      at: time.at.toISOString(),
      text,
      author: stringOf(agent.summary),
      source: `PagerDuty (${type.replace(/_/g, ' ')})`,
      zoneless: false,
      marker: MARKERS[type],
      notes: agent.type === 'user_reference' || !stringOf(agent.summary) ? [] : ['by an integration or service'],
    };
  });
  return { rows: rows.sort((a, b) => a.at.localeCompare(b.at) || a.index - b.index).map((row, index) => ({ ...row, index })) };
}
