/** A sentence's tokens and their universal part-of-speech tags (PROPN, VERB, AUX…), one tag per token. */
export interface Tagged {
  tokens: string[];
  pos: string[];
}

export type Tagger = (text: string) => Tagged;

/**
 * wink-nlp with its English web model, part-of-speech tagging only. The model tells a name it never saw (a proper
 * noun) from an ordinary word, and the shape of a clause (who is the subject of "should have"), which word lists
 * cannot. Loaded on demand: its model is about 3 MB, so a browser fetches it after first paint with the weights.
 */
export async function loadTagger(): Promise<Tagger> {
  const [{ default: winkNLP }, { default: englishModel }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
  const nlp = winkNLP(englishModel, ['pos']);
  const { its } = nlp;
  return (text) => {
    const tokens = nlp.readDoc(text).tokens();
    return { tokens: tokens.out(), pos: tokens.out(its.pos) };
  };
}
