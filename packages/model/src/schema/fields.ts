import * as Y from 'yjs';
import { isHttpUrl } from '../safe-url.ts';

/**
 * One field of a record in a Yjs document: its type, its limits and its default, declared once. Readers, the
 * server's guard and the documentation derive from these declarations.
 */
export type FieldSpec =
  | { type: 'text'; max: number; doc: string }
  | { type: 'string'; max: number; format?: 'http-url' | 'iso-datetime' | 'date'; doc: string }
  /** `default` is what a reader gives for a missing or unknown value (the first value when absent). */
  | { type: 'enum'; values: readonly string[]; default?: string; doc: string }
  | { type: 'boolean'; doc: string }
  /** `min`/`max` bound it when given (a value outside is reset to the nearest bound). */
  | { type: 'number'; min?: number; max?: number; doc: string }
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
      return spec.default ?? spec.values[0]!;
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'list':
      return new Y.Array<string>();
  }
}

type StringFormat = NonNullable<Extract<FieldSpec, { type: 'string' }>['format']>;

/** Why a string breaks its declared format, or null ('' always fits: it means "none"). */
function formatProblem(format: StringFormat, value: string): string | null {
  if (value === '') return null;
  if (format === 'http-url') return isHttpUrl(value) ? null : 'is not an http(s) link';
  if (format === 'iso-datetime') return Number.isNaN(Date.parse(value)) ? 'is not a date and time' : null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'is not a date (YYYY-MM-DD)';
}

/** Why a stored value breaks its field's declaration, or null when it does not (text over its limit is trimmed instead). */
export function fieldProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'text':
      return value instanceof Y.Text ? null : 'is not live text';
    case 'string':
      if (typeof value !== 'string') return 'is not a string';
      if (value.length > spec.max) return `is longer than ${spec.max} characters`;
      return spec.format ? formatProblem(spec.format, value) : null;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `is not one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'is not true or false';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a number';
      return (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)
        ? `is outside ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}`
        : null;
    case 'list':
      if (!(value instanceof Y.Array)) return 'is not a list';
      if (value.length > spec.max) return `holds more than ${spec.max} entries`;
      return value.toArray().every((entry) => typeof entry === 'string' && entry.length <= 64) ? null : 'holds something other than ids';
  }
}

/** A field's value as readers get it: live text as a string, a list as an array. */
export type FieldValue<F extends FieldSpec> = F extends { type: 'text' | 'string' }
  ? string
  : F extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : F extends { type: 'boolean' }
      ? boolean
      : F extends { type: 'number' }
        ? number
        : F extends { type: 'list' }
          ? string[]
          : never;

/** A record as plain values, every declared field present. */
export type RecordValues<R extends RecordSpec> = { -readonly [K in keyof R['fields']]: FieldValue<R['fields'][K]> };

/**
 * Reads one field tolerantly: a missing or malformed value reads as the field's default, a string in a declared
 * format that breaks it (a `javascript:` link) as '', and lists kept as JSON strings by older schemas are parsed.
 * Over-long text is read as stored: the server's guard trims it.
 */
export function readField(spec: FieldSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'text':
      return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
    case 'string':
      return typeof value === 'string' && (spec.format === undefined || formatProblem(spec.format, value) === null) ? value : '';
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : (spec.default ?? spec.values[0]!);
    case 'boolean':
      return value === true;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? clamp(spec, value) : clamp(spec, 0);
    case 'list':
      return [...new Set(listEntries(value))];
  }
}

/** A number within its field's bounds. */
function clamp(spec: { min?: number; max?: number }, value: number): number {
  return Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, value));
}

function listEntries(value: unknown): string[] {
  if (value instanceof Y.Array) return value.toArray().filter((entry): entry is string => typeof entry === 'string');
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads a record's declared fields as plain values (see readField); undeclared keys are ignored. */
export function readRecord<R extends RecordSpec>(map: Y.Map<unknown>, spec: R): RecordValues<R> {
  const values: Record<string, unknown> = {};
  for (const key in spec.fields) values[key] = readField(spec.fields[key]!, map.get(key));
  return values as RecordValues<R>;
}

/**
 * Writes plain values into a record as its declaration allows: declared scalar fields only (live text and lists
 * have writers of their own), plain strings cut to their limit, a formatted string that breaks its format as '',
 * unchanged values left alone (no update for them).
 * Call it inside a transaction.
 */
export function writeFields<R extends RecordSpec>(map: Y.Map<unknown>, spec: R, patch: Partial<RecordValues<R>>): void {
  for (const [key, value] of Object.entries(patch)) {
    const field = spec.fields[key];
    if (value === undefined || !field || field.type === 'text' || field.type === 'list') continue;
    // A plain string is cut to its limit; one in a format that breaks it (cut, it could read as valid) becomes ''.
    let stored: unknown = value;
    if (field.type === 'string' && typeof value === 'string') {
      stored = field.format ? (formatProblem(field.format, value) ? '' : value) : value.slice(0, field.max);
    }
    if (field.type === 'number' && typeof value === 'number') stored = clamp(field, value);
    // A map not yet in a document cannot be read (Yjs warns): it is new, so every value is a change.
    if (map.doc === null || map.get(key) !== stored) map.set(key, stored);
  }
}
