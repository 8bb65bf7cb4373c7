import { readdirSync, readFileSync } from 'node:fs';

/** One labelled sentence of the training data: who wrote it, its label and the category its author gave it. */
export interface Example {
  author: string;
  blaming: boolean;
  category: string;
  text: string;
}

const AUTHORS_DIR = new URL('../../corpus/authors/', import.meta.url);
const TEAM_DIR = new URL('../../corpus/team/', import.meta.url);

/**
 * Every author's sentences (`corpus/authors/<author>.tsv`: `B|N <tab> category <tab> sentence`). Each author wrote
 * alone, without the rules or anyone else's sentences; the split into training, development and test is by author.
 */
export function loadAuthors(dir: URL = AUTHORS_DIR): Example[] {
  const examples: Example[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.tsv'))
    .sort()) {
    const author = file.replace(/\.tsv$/, '');
    for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
      const [label, category, text] = line.split('\t');
      if ((label !== 'B' && label !== 'N') || !category || !text?.trim()) continue;
      examples.push({ author, blaming: label === 'B', category: category.trim(), text: text.trim() });
    }
  }
  return examples;
}

/**
 * The independent authors' sentences, and the team's (`corpus/team/`: neutral counterparts to forms the authors wrote
 * only as blame, such as "Root cause: <a system>" and titles). The team has seen the rules, so its sentences only ever
 * train (author `team/<file>`): they are never development or test data and do not count as an author.
 */
export function loadExamples(): Example[] {
  return [...loadAuthors(AUTHORS_DIR), ...loadAuthors(TEAM_DIR).map((example) => ({ ...example, author: `team/${example.author}` }))];
}

/** Which authors train the model, which choose its threshold, and which only ever test it. */
export const SPLIT = {
  dev: ['author-e'],
  test: ['author-f', 'author-g'],
} as const;

export function splitByAuthor(examples: Example[]): { train: Example[]; dev: Example[]; test: Example[] } {
  const dev = new Set<string>(SPLIT.dev);
  const test = new Set<string>(SPLIT.test);
  return {
    train: examples.filter((e) => !dev.has(e.author) && !test.has(e.author)),
    dev: examples.filter((e) => dev.has(e.author)),
    test: examples.filter((e) => test.has(e.author)),
  };
}
