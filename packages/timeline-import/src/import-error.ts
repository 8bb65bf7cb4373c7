/** Why a file cannot be imported; nothing from it is imported. */
export type ImportProblem =
  'too_large' | 'too_many_rows' | 'malformed' | 'wrong_format' | 'empty' | 'bad_time' | 'bad_time_zone' | 'bad_columns' | 'bad_rows';

/** A file the import refuses, with a message that names the problem (and the row, where there is one). */
export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
