import { Box, Text } from 'ink';
import { majorityOf, type RunResult } from '../../analysis/run.js';
import { t } from '../../i18n/messages.js';
import { displayWidth, fixed, padRight, percent } from '../../report/format.js';
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
  const counts = t('tally.counts', { signed: least.signed, move, abstain: n - least.signed });
  const barWidth = Math.max(10, width - LABEL - displayWidth(counts) - 2);
  const label = (s: string) => <Text color={theme.muted}>{padRight(s, LABEL)}</Text>;
  const range =
    run.equilibria.method === 'monotone'
      ? least.signed === greatest.signed
        ? t('tally.unique', { n: least.signed })
        : t('tally.range', { lo: least.signed, hi: greatest.signed })
      : t('tally.roundRobin', { n: greatest.signed });
  const { tally } = run;
  const qreOk = run.qre.least.converged && run.qre.greatest.converged;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        {label(t('tally.least'))}
        <TallyBar least={least.signed} greatest={greatest.signed} total={n} width={barWidth} />
        <Text> </Text>
        <Text bold color={move ? theme.changed : undefined}>
          {counts}
        </Text>
      </Text>
      <Text wrap="truncate">
        {label(t('tally.greatest'))}
        <Text color={least.signed === greatest.signed ? undefined : theme.range}>{range}</Text>
      </Text>
      <Text wrap="truncate">
        {label(t('tally.qre'))}
        {qreOk ? (
          <Text>
            {t('tally.expected', {
              mean: fixed(tally.mean, 1),
              lambda: fixed(run.qre.lambda, run.qre.lambda < 10 ? 1 : 0),
              lo: tally.interval90[0],
              hi: tally.interval90[1],
              k: majorityOf(n),
              p: percent(run.pMajority, 1),
            })}
            {run.qre.method === 'continuation' ? t('tally.principal') : ''}
          </Text>
        ) : (
          <Text color={theme.changed}>{t('tally.notConverged')}</Text>
        )}
      </Text>
      <Box>
        {label(t('tally.dist'))}
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
