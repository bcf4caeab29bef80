/** The ParityError that `fn` throws; any other error propagates, and not throwing fails the test. */
import { ParityError } from '../../src/errors.ts';

export function catchParityError(fn: () => unknown): ParityError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParityError) return error;
    throw error;
  }
  throw new Error('expected a ParityError');
}
