import { parameterLabel } from '../../app/glossary.js';
import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import type { ParameterFlip } from '../../analysis/parameter-flip.js';
import { fixed, padRight } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { widestCells, wrapCells } from '../wrap-cells.js';

export interface FlipListProps {
  /** Thresholds computed so far (they arrive one parameter at a time). */
  flips: readonly ParameterFlip[];
  /** Number of parameters in all. */
  total: number;
  width: number;
  /** Rows available, the heading included; a parameter whose label wraps takes more than one. */
  rows: number;
  /** Every parameter's label, so the label column does not change width as thresholds arrive. */
  labels: readonly string[];
  /** Hides the list when the state is held fixed: its decision then cannot flip. */
  heldFixed: boolean;
}

/**
 * What one parameter would take to flip the state, read from the current
 * value: "signs ≥ 0.73" if raising it past 0.73 makes the state sign,
 * "signs ≤ 0.41" if lowering it does.
 */
export function flipVerdict(f: ParameterFlip): string {
  const verb = (signs: boolean) => t(signs ? 'explain.signs' : 'explain.abstains');
  if (f.nearest === null) return t('flip.none', { verdict: verb(f.current) });
  const flip = f.flips.find((x) => x.at === f.nearest)!;
  const up = f.value < flip.at;
  const becomes = up ? flip.signsAbove : !flip.signsAbove;
  return t('flip.at', {
    verdict: verb(becomes),
    op: up ? '≥' : '≤',
    at: fixed(flip.at, 3),
    more: f.flips.length > 1 ? ` (+${f.flips.length - 1})` : '',
  });
}

/** The selected state's flip thresholds, one parameter at a time, others as they are. */
export function FlipList({ flips, total, width, rows, labels, heldFixed }: FlipListProps) {
  const theme = useTheme();
  // The label column fits the longest label when the value and verdict still fit beside it; a longer label wraps.
  const verdictWidth = widestCells([t('flip.none', { verdict: t('explain.abstains') }), ...flips.map(flipVerdict)]);
  const labelWidth = Math.max(8, Math.min(widestCells(labels), width - 6 - verdictWidth));
  const shownFlips: { f: ParameterFlip; lines: string[] }[] = [];
  let used = 1;
  for (const f of flips) {
    const lines = wrapCells(parameterLabel(f.parameter, f.label), labelWidth);
    if (used + lines.length > rows) break;
    used += lines.length;
    shownFlips.push({ f, lines });
  }
  if (heldFixed) {
    return (
      <Box width={width}>
        <Text color={theme.muted} wrap="wrap">
          Held fixed: no parameter flips it. Press f to free it.
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" color={theme.muted}>
        {flips.length < total ? t('flip.progress', { done: flips.length, total }) : t('flip.heading')}
      </Text>
      {shownFlips.flatMap(({ f, lines: [first, ...more] }) => [
        <Text key={f.parameter} wrap="truncate">
          <Text>{padRight(first, labelWidth)} </Text>
          <Text color={theme.muted}>{fixed(f.value, 2)} </Text>
          <Text color={f.nearest === null ? theme.muted : f.current ? theme.abstain : theme.sign}>
            {flipVerdict(f)}
          </Text>
        </Text>,
        ...more.map((line, k) => <Text key={`${f.parameter}:${k}`}>{line}</Text>),
      ])}
    </Box>
  );
}
