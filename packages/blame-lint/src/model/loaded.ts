import { decodeModel, type BlameModel } from './classifier.ts';

let model: BlameModel | null = null;

/** The learned model once loaded; null before (the rules alone decide until then). */
export function currentModel(): BlameModel | null {
  return model;
}

/**
 * Loads the shipped weights (a separate module, so a browser fetches them after the app's first paint). Node callers
 * (the server's publish gate, the CLI) await it at start; calling it again does nothing.
 */
export async function loadBlameModel(): Promise<void> {
  if (model) return;
  const { PACKED_MODEL, PACKED_WEIGHTS } = await import('./weights.ts');
  model = decodeModel({ ...PACKED_MODEL, weights: PACKED_WEIGHTS });
}

/** For tests: use this model, or none. */
export function useBlameModel(next: BlameModel | null): void {
  model = next;
}
