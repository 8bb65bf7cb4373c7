import { blameProbability, decodeModel, type BlameModel } from './classifier.ts';
import { loadTagger, type Tagger } from './tagger.ts';

let loaded: { model: BlameModel; tag: Tagger } | null = null;
let loading: Promise<void> | null = null;

/**
 * Whether the learned model flags this sentence; null until the model is loaded (the rules alone decide until
 * then).
 */
export function modelFlags(sentence: string): boolean | null {
  if (!loaded) return null;
  return blameProbability(loaded.model, loaded.tag, sentence) >= loaded.model.threshold;
}

/**
 * Loads the shipped weights and the tagger (separate modules, so a browser fetches them after the app's first
 * paint). Node callers (the server's publish gate, the CLI) await it before checking; calling it again does nothing.
 */
export function loadBlameModel(): Promise<void> {
  loading ??= (async () => {
    const [{ PACKED_MODEL, PACKED_WEIGHTS }, tag] = await Promise.all([import('./weights.ts'), loadTagger()]);
    loaded = { model: decodeModel({ ...PACKED_MODEL, weights: PACKED_WEIGHTS }), tag };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
