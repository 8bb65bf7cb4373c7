/**
 * What the API declares about imports, without the parsers: the request schema imports this, so the first screen's
 * JavaScript does not carry the CSV and time-zone libraries (the import dialog loads them when opened).
 */
export { IMPORT_FORMATS, type ImportFormat } from './types.ts';
export { IMPORT_LIMITS } from './limits.ts';
