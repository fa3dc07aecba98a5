import { UsageError } from './usage-error.js';

/** Runs an analysis step whose RangeErrors (an unknown state id…) are the user's to fix. */
export function asUsageError<T>(command: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message, command);
    throw error;
  }
}
