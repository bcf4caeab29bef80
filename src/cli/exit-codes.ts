/** The one mapping from error codes to process exit codes (documented in the README). */
import type { ErrorCode } from '../errors.js';

export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  INTERNAL_ERROR: 1,
  INVALID_ARGUMENT: 2,
  CONFIG_ERROR: 3,
  UNKNOWN_ENVIRONMENT: 3,
  INVALID_URL: 3,
  CONNECTION_FAILED: 4,
  AUTHENTICATION_FAILED: 4,
  DATABASE_ERROR: 5,
  FILE_NOT_FOUND: 6,
  INVALID_SNAPSHOT: 6,
  INVALID_ARTIFACT: 6,
  WRITE_FAILED: 7,
  UNSUPPORTED: 8,
  SCHEMA_MODEL_ERROR: 9,
  MIGRATION_FAILED: 10,
  MIGRATION_VALIDATION_FAILED: 11,
};

/** `dataDiff -failOnDifferences` found differences (not an error: the comparison itself succeeded). */
export const DIFFERENCES_FOUND_EXIT_CODE = 12;

/** `check -failOnDrift` found drift (the check itself succeeded). */
export const DRIFT_FOUND_EXIT_CODE = 13;

/** `check -code.failOnError` found a violation of severity error (the check itself succeeded). */
export const CODE_ERRORS_EXIT_CODE = 14;
