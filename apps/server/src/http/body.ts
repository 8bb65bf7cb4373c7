import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { validate } from '@debrief/protocol';
import { ApiError } from './errors.ts';

/** The request body checked against a request schema; a 400 naming every problem otherwise. */
export function bodyOf<T extends z.ZodType>(schema: T, request: FastifyRequest): z.infer<T> {
  const result = validate(schema, request.body ?? {});
  if (!result.ok) throw new ApiError(400, 'bad_request', result.message);
  return result.data;
}
