/**
 * The Ink progress bar of `signatory sweep` on a terminal: a bar, rows done,
 * rate and time left. Only the command imports this file; the sweep core
 * knows nothing of Ink.
 */
import { Box, render, Text } from 'ink';
import { duration, type ProgressSnapshot } from './progress-rate.js';

const WIDTH = 30;

/** The bar for one snapshot of a sweep's progress. */
export function SweepProgress({ progress }: { progress: ProgressSnapshot }) {
  const { done, total, rate, eta } = progress;
  const filled = total > 0 ? Math.round((WIDTH * done) / total) : 0;
  // One line, truncated rather than wrapped when the terminal is narrow.
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text color="green">{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(WIDTH - filled)}</Text>
        {` ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows · ${Math.round(rate).toLocaleString('en-US')}/s${eta === undefined ? '' : ` · ${duration(eta)} left`}`}
      </Text>
    </Box>
  );
}

/** Shows the bar on a terminal stream; returns update and stop functions. */
export function renderProgress(stream: NodeJS.WriteStream): { update(p: ProgressSnapshot): void; stop(): void } {
  const initial: ProgressSnapshot = { done: 0, total: 0, rate: 0 };
  const app = render(<SweepProgress progress={initial} />, { stdout: stream, patchConsole: false, exitOnCtrlC: false });
  return {
    update: (p) => app.rerender(<SweepProgress progress={p} />),
    stop: () => {
      app.unmount();
      // Ink leaves the cursor after the bar: the next message starts on its own line.
      stream.write('\n');
    },
  };
}
