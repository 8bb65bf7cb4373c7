import type { RefusedNotice } from '@debrief/protocol';

/** "statusReason" → "status reason": a declared field's name as words. */
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * What a person reads when the server changed part of their own edit back. The server names the first fixes as
 * `<record>.<field> <problem>` (e.g. "event.evidence is not an http(s) link"); the first is said in words.
 */
export function refusedMessage(notice: RefusedNotice): string {
  if (notice.what === 'schema-metadata') return 'The board refused a change to its schema version, which only the server sets.';
  const first = /^([a-z][\w ]*)\.(\w+) (.+)$/i.exec(notice.fixes?.[0] ?? '');
  const why = first ? `: the ${first[1]}’s ${words(first[2]!)} ${first[3]}` : ': it did not fit what this board can store';
  const more = (notice.fixes?.length ?? 0) > 1 ? ` (and ${notice.fixes!.length - 1} more)` : '';
  return `The board changed part of your last edit back for everyone${why}${more}.`;
}
