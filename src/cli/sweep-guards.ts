/**
 * What guards a sweep run besides its options: the size a design may have
 * without `--yes`, and the signals that stop it cleanly.
 */
import { groupDigits } from '../sweep/progress-rate.js';
import { UsageError } from './usage-error.js';

/**
 * Cells (rows × columns) a sweep writes without `--yes`: 50 million, a
 * million rows of 50 columns. Beyond it a design is more often a slip (a
 * grid of 10¹⁰ rows, some 700 GB, once started without a word) than meant.
 */
export const LARGE_DESIGN_CELLS = 50_000_000;

const count = (n: number): string => groupDigits(n);

/** Refuses a design of more than LARGE_DESIGN_CELLS cells unless `yes`, stating its size. */
export function checkDesignSize(rows: number, columns: number, yes: boolean): void {
  const cells = rows * columns;
  if (yes || cells <= LARGE_DESIGN_CELLS) return;
  throw new UsageError(
    `the design has ${count(rows)} rows × ${columns} columns = ${count(cells)} cells, more than ${count(LARGE_DESIGN_CELLS)}: pass --yes to run it`,
    'sweep',
  );
}

/** The signals that stop a sweep cleanly: Ctrl-C, and what Slurm and Kubernetes send on a timeout or preemption. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The exit code of a run stopped by a signal, 128 + its number, as a shell reports it. */
export function stopExitCode(signal: StopSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * Calls `onStop` on the first SIGINT or SIGTERM; a second one ends the
 * process at once (complete rows are kept either way). Returns the function
 * that removes the handlers.
 */
export function onStopSignals(onStop: (signal: StopSignal) => void): () => void {
  let stopped: StopSignal | undefined;
  const handler = (signal: StopSignal): void => {
    if (stopped) process.exit(stopExitCode(signal));
    stopped = signal;
    onStop(signal);
  };
  const signals: StopSignal[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
