export * from './types.ts';
export { ImportError, type ImportProblem } from './import-error.ts';
export { IMPORT_LIMITS } from './limits.ts';
export { checkTimeZone, dayIn } from './times.ts';
export { parseImport } from './parse.ts';
export { detectFormat, formatName } from './detect.ts';
export {
  authorsOf,
  eventTextOf,
  findDuplicates,
  planImport,
  type ExistingEvent,
  type ImportPlan,
  type PlannedEvent,
  type PlanOptions,
} from './plan.ts';
