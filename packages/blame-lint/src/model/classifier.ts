import { featuresOf } from './features.ts';
import type { Tagger } from './tagger.ts';

/** A trained linear model: weights per hashed feature, quantised to 8 bits (`value × scale`), and a threshold. */
export interface BlameModel {
  bits: number;
  scale: number;
  /** Probability at or above which a sentence is flagged (chosen on the development authors). */
  threshold: number;
  weights: Int8Array;
}

/** The model's probability that the sentence puts blame on a person, a role or a group. */
export function blameProbability(model: BlameModel, tag: Tagger, text: string): number {
  let sum = 0;
  for (const feature of featuresOf(text, model.bits, tag(text))) sum += model.weights[feature]! * model.scale;
  return 1 / (1 + Math.exp(-sum));
}

/** Packs a model for the repository: base64 of the 8-bit weights, with the figures to read them back. */
export function encodeModel(model: BlameModel): { bits: number; scale: number; threshold: number; weights: string } {
  return {
    bits: model.bits,
    scale: model.scale,
    threshold: model.threshold,
    weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString('base64'),
  };
}

/** Reads a packed model (in Node and in the browser: no Buffer). */
export function decodeModel(packed: { bits: number; scale: number; threshold: number; weights: string }): BlameModel {
  const binary = atob(packed.weights);
  const weights = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) weights[i] = (binary.charCodeAt(i) << 24) >> 24;
  return { bits: packed.bits, scale: packed.scale, threshold: packed.threshold, weights };
}
