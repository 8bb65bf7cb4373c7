export { checkBlame, isBlaming, type CheckOptions } from './check.ts';
export { GUIDANCE, type BlameIssue, type BlameKind } from './kinds.ts';
export { loadBlameModel } from './model/loaded.ts';
