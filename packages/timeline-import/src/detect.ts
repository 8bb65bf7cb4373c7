import { isRecord } from './json-input.ts';
import type { ImportFormat } from './types.ts';

const NAMES: Record<ImportFormat, string> = {
  slack: 'a Slack export',
  pagerduty: 'a PagerDuty log',
  opsgenie: 'an Opsgenie log',
  csv: 'a CSV',
  text: 'text',
};

/** How the format is named to people ("a Slack export"). */
export const formatName = (format: ImportFormat) => NAMES[format];

const firstEntry = (list: unknown) => (Array.isArray(list) ? list.find(isRecord) : undefined);

/** Which vendor's JSON this is, from its first entry's fields; null when none fits. */
export function detectJson(data: unknown): ImportFormat | null {
  const entries = isRecord(data) ? (data.log_entries ?? data.data ?? data.messages) : data;
  // Several Slack day files come as {"2026-03-08.json": [...]}: look into the first list.
  const dayFile = isRecord(data) && !entries ? Object.values(data).find(Array.isArray) : undefined;
  const entry = firstEntry(entries ?? dayFile);
  if (!entry) return null;
  if (typeof entry.type === 'string' && entry.type.endsWith('_log_entry')) return 'pagerduty';
  if (typeof entry.log === 'string' && ('createdAt' in entry || 'offset' in entry)) return 'opsgenie';
  if (typeof entry.ts === 'string') return 'slack';
  return null;
}

/** The format a file most likely is, to choose for the person importing it (they can change it). */
export function detectFormat(content: string): ImportFormat {
  const start = content.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      return detectJson(JSON.parse(content)) ?? 'text';
    } catch {
      return 'text';
    }
  }
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  return /^[^,\d]*[A-Za-z][^,]*(,[^,]*)+$/.test(firstLine) && !/^\[?\d/.test(firstLine) ? 'csv' : 'text';
}
