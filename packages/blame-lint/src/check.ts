import { GUIDANCE, type BlameIssue } from './kinds.ts';
import { systemQuestion } from './questions.ts';
import { modelFlags } from './model/loaded.ts';
import { ruleSpans } from './rules.ts';

export interface CheckOptions {
  /**
   * The text names something (a title, a theme's or a bone's name, an action's owner) rather than states something.
   * The learned model judges statements, the sentences it was trained on; a label such as "Platform team" is not a
   * claim about anyone, so labels get the rules alone.
   */
  label?: boolean;
}

/** The spans of `text` that carry blame, in order, without overlaps. */
export function checkBlame(text: string, options: CheckOptions = {}): BlameIssue[] {
  const spans = ruleSpans(text, true);
  if (options.label) return spans;
  const sentences = sentencesOf(text).map((sentence) => ({ ...sentence, flagged: modelFlags(text.slice(sentence.start, sentence.end)) }));
  if (sentences.some((sentence) => sentence.flagged === null)) return spans;
  // The learned model decides, sentence by sentence, whether blame is there; the rules say where, why, and how to
  // reframe it. Blame the rules cannot place (sarcasm, a name they do not know) is marked on the whole sentence.
  const issues: BlameIssue[] = [];
  for (const { start, end, flagged } of sentences) {
    if (!flagged) continue;
    const inside = spans.filter((issue) => issue.start >= start && issue.end <= end);
    issues.push(
      ...(inside.length > 0
        ? inside
        : [
            {
              start,
              end,
              kind: 'framed-as-fault' as const,
              ...GUIDANCE['framed-as-fault'],
              question: systemQuestion('framed-as-fault', text, start, end),
            },
          ]),
    );
  }
  return issues.map((issue) => (issue.replacement !== undefined && rewriteStillBlames(text, issue) ? withoutReplacement(issue) : issue));
}

/** Whether the model flags the sentence a one-click rewrite would leave: then the hint asks its question instead. */
function rewriteStillBlames(text: string, issue: BlameIssue): boolean {
  const rewritten = text.slice(0, issue.start) + (issue.replacement ?? '') + text.slice(issue.end);
  const sentence = sentencesOf(rewritten).find(({ start, end }) => start <= issue.start && issue.start < end);
  return sentence !== undefined && modelFlags(rewritten.slice(sentence.start, sentence.end)) === true;
}

function withoutReplacement({ replacement: _, ...issue }: BlameIssue): BlameIssue {
  return issue;
}

/** The sentences of a text, as offsets without surrounding space: a statement may hold several. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\n]+?(?:[.!?]+(?=\s|$)|$)/gm)) {
    const raw = match[0];
    const start = match.index + (raw.length - raw.trimStart().length);
    const end = match.index + raw.trimEnd().length;
    if (end > start && /[\p{L}\p{N}]/u.test(raw)) sentences.push({ start, end });
  }
  return sentences;
}

/** True when the text carries blame anywhere. */
export function isBlaming(text: string, options: CheckOptions = {}): boolean {
  return checkBlame(text, options).length > 0;
}
