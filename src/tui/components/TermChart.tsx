import { Box, Text } from 'ink';
import type { TermContribution } from '../../analysis/explain.js';
import { signed } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { cell, cellRight } from '../text.js';

export interface TermChartProps {
  /** Contributions to Δ, largest magnitude first (as explainState gives them). */
  contributions: readonly TermContribution[];
  width: number;
  /** Rows available; the smallest contributions are summed into one "others" row when they do not fit. */
  rows: number;
}

const ID_WIDTH = 13;
const VALUE_WIDTH = 6;

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
  let shown: TermContribution[] = [...contributions];
  if (shown.length > rows && rows >= 2) {
    const rest = shown.slice(rows - 1);
    shown = [
      ...shown.slice(0, rows - 1),
      {
        id: `+${rest.length} more`,
        label: 'smaller terms',
        propositions: [],
        value: rest.reduce((a, c) => a + c.value, 0),
      },
    ];
  }
  const half = Math.max(3, Math.floor((width - ID_WIDTH - VALUE_WIDTH - 3) / 2));
  const max = Math.max(1e-12, ...shown.map((c) => Math.abs(c.value)));
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((c) => {
        const n = cells(c.value, max, half);
        const left = c.value < 0 ? ' '.repeat(half - n) + '▒'.repeat(n) : ' '.repeat(half);
        const right = c.value > 0 ? '█'.repeat(n) : '';
        return (
          <Text key={c.id} wrap="truncate">
            <Text>{cell(c.id, ID_WIDTH)}</Text>
            <Text>{cellRight(signed(c.value, 2), VALUE_WIDTH)} </Text>
            <Text color={theme.abstain}>{left}</Text>
            <Text color={theme.muted}>│</Text>
            <Text color={theme.sign}>{right}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
