import { readFileSync } from 'node:fs';

/** One labelled sentence of the quality corpus. */
export interface LabelledSentence {
  blaming: boolean;
  text: string;
}

/** The labelled corpus in `corpus/labelled.tsv` (B = carries blame, N = neutral; # starts a comment). */
export function loadCorpus(path = new URL('../corpus/labelled.tsv', import.meta.url)): LabelledSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^[BN]\t/.test(line))
    .map((line) => ({ blaming: line.startsWith('B'), text: line.slice(2).trim() }));
}
