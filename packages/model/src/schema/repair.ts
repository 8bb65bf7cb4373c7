import * as Y from 'yjs';
import { defaultOf, fieldProblem, readField, type RecordSpec } from './fields.ts';

/** One thing a repair changed: which record and field, and what was wrong with it. */
export interface RecordFix {
  record: string;
  field: string;
  problem: string;
}

/**
 * Brings a stored record back within its declaration, in place: text over its limit loses its end, a value of the
 * wrong type, format or enum takes the field's default, a number out of its bounds the nearest bound, and keys the declaration does not know are removed.
 * A field that is absent stays absent (readers default it; records written before a field existed lack it).
 * Returns what it changed; call it inside a transaction.
 */
export function repairRecord(map: Y.Map<unknown>, spec: RecordSpec): RecordFix[] {
  const fixes: RecordFix[] = [];
  for (const key of [...map.keys()]) {
    const field = spec.fields[key];
    if (!field) {
      map.delete(key);
      fixes.push({ record: spec.name, field: key, problem: 'is not a field of this record' });
      continue;
    }
    const value = map.get(key);
    const problem = fieldProblem(field, value);
    if (problem && field.type === 'text' && typeof value === 'string') {
      // Plain text where live text belongs (a hand-written client): kept, as live text, within the limit.
      map.set(key, new Y.Text(value.slice(0, field.max)));
      fixes.push({ record: spec.name, field: key, problem: 'was plain text, not live text (converted)' });
    } else if (problem && field.type === 'string' && !field.format && typeof value === 'string') {
      map.set(key, value.slice(0, field.max));
      fixes.push({ record: spec.name, field: key, problem: `was longer than ${field.max} characters (trimmed)` });
    } else if (problem && field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      // Out of its bounds (a note dragged to the far side of the canvas): brought to the nearest bound, not to 0.
      map.set(key, readField(field, value));
      fixes.push({ record: spec.name, field: key, problem: `${problem} (moved within)` });
    } else if (problem) {
      map.set(key, defaultOf(field));
      fixes.push({ record: spec.name, field: key, problem });
    } else if (field.type === 'text' && value instanceof Y.Text && value.length > field.max) {
      value.delete(field.max, value.length - field.max);
      fixes.push({ record: spec.name, field: key, problem: `was longer than ${field.max} characters (trimmed)` });
    }
  }
  return fixes;
}
