export { LIMITS } from './limits.ts';
export { newId } from './ids.ts';
export * from './board/shape.ts';
export * from './board/init.ts';
export * from './board/migrations.ts';
export * from './board/sort.ts';
export * from './board/timeline.ts';
export * from './board/validate.ts';
