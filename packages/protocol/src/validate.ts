import type { z } from 'zod';

/** The outcome of checking a request body. */
export type Validated<T> = { ok: true; data: T } | { ok: false; message: string };

/** Checks a value against a request schema; on failure, one message naming every problem. */
export function validate<T extends z.ZodType>(schema: T, value: unknown): Validated<z.infer<T>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
}
