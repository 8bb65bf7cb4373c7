export * from './ids.ts';
export * from './documents.ts';
export * from './links.ts';
export * from './api.ts';
export * from './notes-api.ts';
export * from './validate.ts';
export * from './votes-api.ts';
export * from './actions-api.ts';
