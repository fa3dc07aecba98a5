/**
 * Entry of the terminal UI, called by `signatory` in a terminal and by
 * `signatory tui`. It only picks React's production build and then loads
 * the UI: React chooses its build when first imported, and its development
 * build (element checks, performance tracks) makes every frame about twice
 * as slow (bench/tui-recompute.js).
 */
import type { CommandIo } from '../app/io.js';

/** Opens the UI on `file`; resolves with the exit code once the user quits. */
export async function launchTui(file: string, io: CommandIo): Promise<number> {
  process.env.NODE_ENV ??= 'production';
  const { runTui } = await import('./run-tui.js');
  return runTui(file, io);
}
