import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import type { TermContribution } from '../../analysis/explain.js';
import { padRight, signed } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { cellRight } from '../text.js';
import { widestCells, wrapCells } from '../wrap-cells.js';

export interface TermChartProps {
  /** Contributions to Δ, largest magnitude first (as explainState gives them). */
  contributions: readonly TermContribution[];
  width: number;
  /** Rows available; the smallest contributions are summed into one "others" row when they do not fit. */
  rows: number;
}

const VALUE_WIDTH = 6;
/** The bar needs at least this many cells on each side of the axis. */
const MIN_HALF = 3;

/** Cells of a bar for |value| on a half-axis of `half` cells, at least one for any visible value. */
function cells(value: number, max: number, half: number): number {
  if (max <= 0 || value === 0) return 0;
  return Math.max(1, Math.round((Math.abs(value) / max) * half));
}

/**
 * A state's payoff terms as a signed bar chart around a zero axis: costs to
 * the left (▒), gains to the right (█), so the chart reads without colour.
 */
export function TermChart({ contributions, width, rows }: TermChartProps) {
  const theme = useTheme();
  // The id column is as wide as the longest id when the bars still fit; a longer id wraps, never cut.
  const idWidth = Math.max(
    8,
    Math.min(widestCells(contributions.map((c) => c.id)), width - VALUE_WIDTH - 3 - 2 * MIN_HALF),
  );
  const linesOf = (c: TermContribution) => wrapCells(c.id, idWidth);
  let shown: TermContribution[] = [...contributions];
  const total = shown.reduce((n, c) => n + linesOf(c).length, 0);
  if (total > rows && rows >= 2) {
    // Whole terms while they fit, one row kept for the sum of the rest.
    let used = 0;
    let k = 0;
    while (k < shown.length && used + linesOf(shown[k]).length <= rows - 1) used += linesOf(shown[k++]).length;
    const rest = shown.slice(k);
    shown = [
      ...shown.slice(0, k),
      {
        id: t('terms.more', { count: rest.length }),
        label: t('terms.smaller'),
        propositions: [],
        value: rest.reduce((a, c) => a + c.value, 0),
      },
    ];
  }
  const half = Math.max(MIN_HALF, Math.floor((width - idWidth - VALUE_WIDTH - 3) / 2));
  const max = Math.max(1e-12, ...shown.map((c) => Math.abs(c.value)));
  return (
    <Box flexDirection="column" width={width}>
      {shown.flatMap((c) => {
        const n = cells(c.value, max, half);
        const left = c.value < 0 ? ' '.repeat(half - n) + '▒'.repeat(n) : ' '.repeat(half);
        const right = c.value > 0 ? '█'.repeat(n) : '';
        const [first, ...more] = linesOf(c);
        return [
          <Text key={c.id} wrap="truncate">
            <Text>{padRight(first, idWidth)}</Text>
            <Text>{cellRight(signed(c.value, 2), VALUE_WIDTH)} </Text>
            <Text color={theme.abstain}>{left}</Text>
            <Text color={theme.muted}>│</Text>
            <Text color={theme.sign}>{right}</Text>
          </Text>,
          ...more.map((line, k) => (
            <Text key={`${c.id}:${k}`} wrap="truncate">
              <Text>{padRight(line, idWidth)}</Text>
              <Text>{' '.repeat(VALUE_WIDTH + 1 + half)}</Text>
              <Text color={theme.muted}>│</Text>
            </Text>
          )),
        ];
      })}
    </Box>
  );
}
