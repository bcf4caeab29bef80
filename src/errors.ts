/**
 * Every failure a user can cause or meet is a ParityError with a code. Only the CLI entry point
 * (src/cli/main.ts) turns codes into exit codes and prints them; nothing else exits the process.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'CONFIG_ERROR'
  | 'UNKNOWN_ENVIRONMENT'
  | 'INVALID_URL'
  | 'CONNECTION_FAILED'
  | 'AUTHENTICATION_FAILED'
  | 'DATABASE_ERROR'
  | 'FILE_NOT_FOUND'
  | 'INVALID_SNAPSHOT'
  | 'INVALID_ARTIFACT'
  | 'WRITE_FAILED'
  | 'UNSUPPORTED'
  | 'SCHEMA_MODEL_ERROR'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_VALIDATION_FAILED'
  | 'INTERNAL_ERROR';

export class ParityError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a file, a setting, an environment, a URL without its password. */
  readonly where?: string;

  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParityError';
    this.code = code;
    if (options.where !== undefined) this.where = options.where;
  }
}

export function isParityError(value: unknown): value is ParityError {
  return value instanceof ParityError;
}
