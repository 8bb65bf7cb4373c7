import { ImportError } from './import-error.ts';
import { entriesOf, isRecord, stringOf } from './json-input.ts';
import { slackToPlainText } from './slack-text.ts';
import type { ImportRow, ParseResult } from './types.ts';

/** Channel housekeeping, not part of what happened. */
const SKIPPED_SUBTYPES = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave', 'channel_archive', 'channel_unarchive']);

interface SlackMessage {
  ts: string;
  threadTs: string;
  user: string;
  author: string;
  text: string;
  notes: string[];
  order: number;
}

const TS = /^\d{9,11}(?:\.\d{1,6})?$/;

const tsToIso = (ts: string) => new Date(Math.round(Number(ts) * 1000)).toISOString();

/** The day files of an export: one file's list, or `{"2026-03-08.json": [...], "users.json": [...]}` for several. */
function dayFilesOf(data: unknown): { messages: unknown[]; users: unknown[] } {
  if (Array.isArray(data)) return { messages: data, users: [] };
  if (isRecord(data) && !('ts' in data)) {
    const messages: unknown[] = [];
    let users: unknown[] = [];
    for (const [name, value] of Object.entries(data).sort(([a], [b]) => a.localeCompare(b))) {
      if (!Array.isArray(value)) throw new ImportError('wrong_format', `“${name}” in this Slack export is not a list of messages.`);
      if (/(^|\/)users\.json$/.test(name)) users = value;
      else if (/\.json$/.test(name)) messages.push(...value);
    }
    return { messages, users };
  }
  return { messages: entriesOf(data, 'messages', 'a Slack export'), users: [] };
}

/** Names by user id: users.json's real names first, then each message's own profile. */
function namesOf(users: unknown[], messages: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (!isRecord(message) || !isRecord(message.user_profile)) continue;
    const name = stringOf(message.user_profile.real_name) || stringOf(message.user_profile.display_name) || stringOf(message.user_profile.name);
    if (name && stringOf(message.user)) names.set(stringOf(message.user), name);
  }
  for (const user of users) {
    if (!isRecord(user)) continue;
    const profile = isRecord(user.profile) ? user.profile : {};
    const name = stringOf(user.real_name) || stringOf(profile.real_name) || stringOf(user.name);
    if (name && stringOf(user.id)) names.set(stringOf(user.id), name);
  }
  return names;
}

/** What a message said: its text, else its attachments' or files' titles. */
function bodyOf(message: Record<string, unknown>, names: ReadonlyMap<string, string>): string {
  const text = slackToPlainText(stringOf(message.text), names).trim();
  if (text) return text;
  const attachments = Array.isArray(message.attachments) ? message.attachments.filter(isRecord) : [];
  const attached = attachments.map((a) => stringOf(a.fallback) || stringOf(a.title) || stringOf(a.text)).filter(Boolean);
  if (attached.length > 0) return slackToPlainText(attached.join(' · '), names).trim();
  const files = Array.isArray(message.files) ? message.files.filter(isRecord) : [];
  return files.map((f) => `[file: ${stringOf(f.title) || stringOf(f.name) || 'untitled'}]`).join(' ');
}

function readMessage(raw: unknown, position: number, names: ReadonlyMap<string, string>): SlackMessage | null {
  if (!isRecord(raw)) throw new ImportError('malformed', `Message ${position + 1} of this Slack export is not an object.`);
  if (raw.type !== undefined && raw.type !== 'message') return null;
  if (SKIPPED_SUBTYPES.has(stringOf(raw.subtype))) return null;
  const ts = stringOf(raw.ts);
  if (!TS.test(ts)) {
    throw new ImportError('malformed', `Message ${position + 1} of this Slack export has no time (its "ts" is ${JSON.stringify(raw.ts ?? null)}).`);
  }
  const notes: string[] = [];
  const bot = raw.subtype === 'bot_message' || typeof raw.bot_id === 'string';
  const botName = isRecord(raw.bot_profile) ? stringOf(raw.bot_profile.name) : '';
  const user = stringOf(raw.user);
  const profile = isRecord(raw.user_profile) ? stringOf(raw.user_profile.real_name) : '';
  const author = bot ? botName || stringOf(raw.username) || 'bot' : profile || names.get(user) || stringOf(raw.username) || user;
  if (bot) notes.push('from a bot');
  if (isRecord(raw.edited) && TS.test(stringOf(raw.edited.ts))) notes.push(`edited at ${tsToIso(stringOf(raw.edited.ts)).slice(11, 16)} UTC`);
  const text = bodyOf(raw, names);
  if (!text) return null;
  return { ts, threadTs: stringOf(raw.thread_ts), user, author, text, notes, order: position };
}

/**
 * A Slack channel export: messages in time order, each thread's replies right under the message that started it.
 * Times are Slack's own (Unix seconds), so no time zone is needed.
 */
export function parseSlack(data: unknown): ParseResult {
  const { messages: raw, users } = dayFilesOf(data);
  const names = namesOf(users, raw);
  const messages = raw.map((message, position) => readMessage(message, position, names)).filter((m): m is SlackMessage => m !== null);
  const byTime = (a: SlackMessage, b: SlackMessage) => Number(a.ts) - Number(b.ts) || a.order - b.order;
  const starts = new Set(messages.filter((m) => !m.threadTs || m.threadTs === m.ts).map((m) => m.ts));
  const replies = new Map<string, SlackMessage[]>();
  const top: SlackMessage[] = [];
  for (const message of messages) {
    const isReply = message.threadTs && message.threadTs !== message.ts;
    if (isReply && starts.has(message.threadTs)) {
      replies.set(message.threadTs, [...(replies.get(message.threadTs) ?? []), message]);
    } else {
      if (isReply) message.notes.push('a reply in a thread that started before this export');
      top.push(message);
    }
  }
  const rows: ImportRow[] = [];
  const add = (message: SlackMessage, replyTo?: number) => {
    const index = rows.length;
    rows.push({
      index,
      at: tsToIso(message.ts),
      text: message.text,
      author: message.author,
      source: 'Slack',
      replyTo,
      zoneless: false,
      notes: message.notes,
    });
    return index;
  };
  for (const message of top.sort(byTime)) {
    const parent = add(message);
    for (const reply of (replies.get(message.ts) ?? []).sort(byTime)) add(reply, parent);
  }
  return { rows };
}
