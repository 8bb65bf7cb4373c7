/** How much of a matching line the library shows around the first search word. */
const SNIPPET_CHARS = 160;

/** The line of an index entry's text where the first term occurs, cut to a window around it (null without terms). */
export function snippetOf(text: string, terms: readonly string[]): string | null {
  const first = terms[0];
  if (!first) return null;
  const line = text.split('\n').find((candidate) => candidate.toLowerCase().includes(first));
  if (line === undefined) return null;
  if (line.length <= SNIPPET_CHARS) return line;
  const at = line.toLowerCase().indexOf(first);
  const start = Math.max(0, Math.min(at - SNIPPET_CHARS / 3, line.length - SNIPPET_CHARS));
  return `${start > 0 ? '…' : ''}${line.slice(start, start + SNIPPET_CHARS).trim()}${start + SNIPPET_CHARS < line.length ? '…' : ''}`;
}
