import * as Y from 'yjs';
import { defaultOf, fieldProblem, readField, type RecordSpec } from './fields.ts';

/** One thing a repair changed: which record and field, and what was wrong with it. */
export interface RecordFix {
  record: string;
  field: string;
  problem: string;
}

/** One repair a record needs: what is wrong, and the write that fixes it. */
export interface PlannedFix extends RecordFix {
  apply(): void;
}

/**
 * What it would take to bring a stored record back within its declaration, without writing anything: text over its
 * limit loses its end, a value of the wrong type, format or enum takes the field's default, a number out of its
 * bounds the nearest bound, and keys the declaration does not know are removed. A field that is absent stays absent
 * (readers default it; records written before a field existed lack it). Empty for a record as declared, which is
 * the common case: the server checks every client change and opens a transaction only when something needs fixing.
 */
export function planRepair(map: Y.Map<unknown>, spec: RecordSpec): PlannedFix[] {
  const fixes: PlannedFix[] = [];
  const fix = (field: string, problem: string, apply: () => void) => fixes.push({ record: spec.name, field, problem, apply });
  // forEach, not entries(): the server plans after every client change, and Yjs's entries() builds an iterator
  // chain and a pair per field.
  map.forEach((value, key) => {
    const field = spec.fields[key];
    if (!field) {
      fix(key, 'is not a field of this record', () => map.delete(key));
      return;
    }
    const problem = fieldProblem(field, value);
    if (problem && field.type === 'text' && typeof value === 'string') {
      // Plain text where live text belongs (a hand-written client): kept, as live text, within the limit.
      fix(key, 'was plain text, not live text (converted)', () => map.set(key, new Y.Text(value.slice(0, field.max))));
    } else if (problem && field.type === 'string' && !field.format && typeof value === 'string') {
      fix(key, `was longer than ${field.max} characters (trimmed)`, () => map.set(key, value.slice(0, field.max)));
    } else if (problem && field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      // Out of its bounds (a note dragged to the far side of the canvas): brought to the nearest bound, not to 0.
      fix(key, `${problem} (moved within)`, () => map.set(key, readField(field, value)));
    } else if (problem) {
      fix(key, problem, () => map.set(key, defaultOf(field)));
    } else if (field.type === 'text' && value instanceof Y.Text && value.length > field.max) {
      fix(key, `was longer than ${field.max} characters (trimmed)`, () => value.delete(field.max, value.length - field.max));
    }
  });
  return fixes;
}

/** Repairs a record in place (planRepair, applied); returns what it changed. Call it inside a transaction. */
export function repairRecord(map: Y.Map<unknown>, spec: RecordSpec): RecordFix[] {
  const planned = planRepair(map, spec);
  for (const fix of planned) fix.apply();
  return planned.map(({ record, field, problem }) => ({ record, field, problem }));
}
