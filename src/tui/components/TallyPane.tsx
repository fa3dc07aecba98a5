import { Box, Text } from 'ink';
import { majorityOf, type RunResult } from '../../analysis/run.js';
import { fixed, percent } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { Histogram } from './Histogram.js';
import { TallyBar } from './TallyBar.js';

export interface TallyPaneProps {
  /** The solved scenario at the current point. */
  run: RunResult;
  /** Signers in the least equilibrium before the last change, to show the move. */
  previousSigned?: number;
  /** Width in cells. */
  width: number;
  /** Rows of the tally histogram (1 at 80×24, more when the screen is taller). */
  histogramHeight: number;
}

const LABEL = 12;

/** The signing tally: least equilibrium, the range up to the greatest, the QRE expectation and its distribution. */
export function TallyPane({ run, previousSigned, width, histogramHeight }: TallyPaneProps) {
  const theme = useTheme();
  const n = run.scenario.states.length;
  const { least, greatest } = run.equilibria;
  const move =
    previousSigned === undefined || previousSigned === least.signed
      ? ''
      : ` (${least.signed > previousSigned ? '+' : ''}${least.signed - previousSigned})`;
  const counts = `${least.signed} sign${move} · ${n - least.signed} abstain`;
  const barWidth = Math.max(10, width - LABEL - counts.length - 2);
  const label = (s: string) => <Text color={theme.muted}>{s.padEnd(LABEL)}</Text>;
  const range =
    run.equilibria.method === 'monotone'
      ? least.signed === greatest.signed
        ? `unique: least and greatest equilibria agree on ${least.signed}`
        : `${least.signed}–${greatest.signed} signers between the least and greatest equilibria`
      : `round-robin (negative interaction): ${greatest.signed} from all-sign`;
  const { tally } = run;
  const qreOk = run.qre.least.converged && run.qre.greatest.converged;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        {label('Least eq.')}
        <TallyBar least={least.signed} greatest={greatest.signed} total={n} width={barWidth} />
        <Text> </Text>
        <Text bold color={move ? theme.changed : undefined}>
          {counts}
        </Text>
      </Text>
      <Text wrap="truncate">
        {label('Greatest')}
        <Text color={least.signed === greatest.signed ? undefined : theme.range}>{range}</Text>
      </Text>
      <Text wrap="truncate">
        {label(`QRE λ ${fixed(run.qre.lambda, run.qre.lambda < 10 ? 1 : 0)}`)}
        {qreOk ? (
          <Text>
            expected {fixed(tally.mean, 1)} · 90% [{tally.interval90[0]}, {tally.interval90[1]}] · P(≥ {majorityOf(n)}){' '}
            {percent(run.pMajority, 1)}
            {run.qre.method === 'continuation' ? ' · principal branch' : ''}
          </Text>
        ) : (
          <Text color={theme.changed}>not converged: no QRE to show</Text>
        )}
      </Text>
      <Box>
        {label('Tally dist.')}
        {qreOk ? (
          <Histogram
            pmf={tally.pmf}
            width={Math.min(width - LABEL, 2 * (n + 1) + 8)}
            height={histogramHeight}
            mark={least.signed}
          />
        ) : (
          <Text color={theme.muted}>—</Text>
        )}
      </Box>
    </Box>
  );
}
