import { Box, Text } from 'ink';
import { useTheme } from '../use-theme.js';

export interface HistogramProps {
  /** pmf[k] = P(tally = k). */
  pmf: ArrayLike<number>;
  /** Cells available for the bars (the labels take a few more). */
  width: number;
  /** Rows of bars; 1 is a sparkline. */
  height: number;
  /** Tallies to mark under the bars (e.g. the least equilibrium), drawn as ^ on an axis row when height > 1. */
  mark?: number;
}

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Mass left out at each end of the shown window: below one pixel of the tallest bar anyway. */
const TAIL = 5e-4;

/** The window [lo, hi] of tallies worth drawing, and how many tallies share a column. */
export function histogramWindow(pmf: ArrayLike<number>, width: number): { lo: number; hi: number; perColumn: number } {
  const n = pmf.length - 1;
  let lo = 0;
  let acc = 0;
  while (lo < n && acc + pmf[lo] < TAIL) acc += pmf[lo++];
  let hi = n;
  acc = 0;
  while (hi > lo && acc + pmf[hi] < TAIL) acc += pmf[hi--];
  // A narrow distribution still gets some context on both sides.
  const minSpan = Math.min(n, 10);
  while (hi - lo < minSpan) {
    if (lo > 0) lo--;
    if (hi - lo < minSpan && hi < n) hi++;
  }
  const perColumn = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, width)));
  return { lo, hi, perColumn };
}

/** The exact distribution of the tally in the least QRE, as eighth-block bars between its end labels. */
export function Histogram({ pmf, width, height, mark }: HistogramProps) {
  const theme = useTheme();
  const labelWidth = String(pmf.length - 1).length;
  const { lo, hi, perColumn } = histogramWindow(pmf, Math.max(1, width - 2 * labelWidth - 2));
  const columns: number[] = [];
  for (let k = lo; k <= hi; k += perColumn) {
    let p = 0;
    for (let j = k; j < Math.min(hi + 1, k + perColumn); j++) p += pmf[j];
    columns.push(p);
  }
  const top = Math.max(...columns, 1e-300);
  const levels = columns.map((p) => Math.round((p / top) * height * 8));
  const rows: string[] = [];
  for (let r = height - 1; r >= 0; r--)
    rows.push(levels.map((l) => EIGHTHS[Math.max(0, Math.min(8, l - r * 8))]).join(''));
  const left = String(lo).padStart(labelWidth);
  const right = String(hi).padEnd(labelWidth);
  const blank = ' '.repeat(labelWidth);
  const markAt = mark !== undefined && mark >= lo && mark <= hi ? Math.floor((mark - lo) / perColumn) : -1;
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Text key={r}>
          <Text color={theme.muted}>{r === rows.length - 1 ? left : blank} </Text>
          <Text color={theme.accent}>{row}</Text>
          <Text color={theme.muted}> {r === rows.length - 1 ? right : blank}</Text>
        </Text>
      ))}
      {height > 1 && markAt >= 0 ? (
        <Text color={theme.muted}>
          {blank} {' '.repeat(markAt)}^ least equilibrium
        </Text>
      ) : null}
    </Box>
  );
}
