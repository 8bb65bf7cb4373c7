/** A text cut into runs, the ones matching a search word marked (rendered as <mark>, never as HTML). */
export function highlightRuns(text: string, words: readonly string[]): { text: string; match: boolean }[] {
  const wanted = words.map((word) => word.toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const runs: { text: string; match: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    // The earliest next match of any word, the longest first at the same place.
    let best: { start: number; end: number } | null = null;
    for (const word of wanted) {
      const start = lower.indexOf(word, at);
      if (start >= 0 && (!best || start < best.start || (start === best.start && start + word.length > best.end)))
        best = { start, end: start + word.length };
    }
    if (!best) break;
    if (best.start > at) runs.push({ text: text.slice(at, best.start), match: false });
    runs.push({ text: text.slice(best.start, best.end), match: true });
    at = best.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), match: false });
  return runs;
}
