import * as Y from 'yjs';
import { isHttpUrl } from '../safe-url.ts';

/**
 * One field of a record in a Yjs document: its type, its limits and its default, declared once. Readers, the
 * server's guard and the documentation derive from these declarations.
 */
export type FieldSpec =
  | { type: 'text'; max: number; doc: string }
  | { type: 'string'; max: number; format?: 'http-url' | 'iso-datetime' | 'date'; doc: string }
  | { type: 'enum'; values: readonly string[]; doc: string }
  | { type: 'boolean'; doc: string }
  | { type: 'number'; doc: string }
  /** A Y.Array of short strings (ids): concurrent additions merge. */
  | { type: 'list'; max: number; doc: string };

/** Fields many records share. */
export const ID_FIELD = { type: 'string', max: 64, doc: 'its own id (the key it is stored under)' } as const;
export const ORDER_FIELD = { type: 'number', doc: 'fractional position among its siblings' } as const;

/** A record type: a Y.Map whose keys are exactly these fields. */
export interface RecordSpec {
  name: string;
  fields: Readonly<Record<string, FieldSpec>>;
}

/** The value a field takes when a write breaks its declaration. */
export function defaultOf(spec: FieldSpec): string | boolean | number | Y.Text | Y.Array<string> {
  switch (spec.type) {
    case 'text':
      return new Y.Text();
    case 'string':
      return '';
    case 'enum':
      return spec.values[0]!;
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'list':
      return new Y.Array<string>();
  }
}

/** Why a stored value breaks its field's declaration, or null when it does not (text over its limit is trimmed instead). */
export function fieldProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'text':
      return value instanceof Y.Text ? null : 'is not live text';
    case 'string':
      if (typeof value !== 'string') return 'is not a string';
      if (value.length > spec.max) return `is longer than ${spec.max} characters`;
      if (spec.format === 'http-url' && value !== '' && !isHttpUrl(value)) return 'is not an http(s) link';
      if (spec.format === 'iso-datetime' && value !== '' && Number.isNaN(Date.parse(value))) return 'is not a date and time';
      if (spec.format === 'date' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'is not a date (YYYY-MM-DD)';
      return null;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `is not one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'is not true or false';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'is not a number';
    case 'list':
      if (!(value instanceof Y.Array)) return 'is not a list';
      if (value.length > spec.max) return `holds more than ${spec.max} entries`;
      return value.toArray().every((entry) => typeof entry === 'string' && entry.length <= 64) ? null : 'holds something other than ids';
  }
}
