export * from './ids.ts';
export * from './documents.ts';
export * from './links.ts';
export * from './api.ts';
