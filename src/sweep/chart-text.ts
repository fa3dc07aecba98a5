/**
 * Terminal charts of plot data: a line chart (one input), a heatmap (two
 * inputs) or a scatter of every row, in plain characters so they survive
 * logs and pipes. Axes span the design range, ticks sit at round numbers,
 * and a whole-valued outcome (a tally) is drawn as steps on an integer axis.
 */
import { axisLabel, valueRange, type Axis, type PlotData } from './plot-data.js';
import { dateTicks, roundAxis, ticks } from './ticks.js';

/** Heatmap shades, lowest first; an empty cell (no rows) is blank, unlike every shade. */
export const SHADES = '·░▒▓█';
export const EMPTY_CELL = ' ';
const short = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');

/** The span an axis is drawn over: its design range, else its values'. */
export function axisSpan(axis: Axis): [number, number] {
  const [lo, hi] = axis.range ?? valueRange(axis.values);
  return lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/** Ticks of an input axis over its span: calendar dates on a date axis, round numbers otherwise. */
export function axisTicks(axis: Axis, count: number): number[] {
  const [lo, hi] = axisSpan(axis);
  return axis.name === 'date' ? dateTicks(lo, hi, count) : ticks(lo, hi, count);
}

/** True when the chart should treat z as whole numbers: an integer outcome whose drawn values are whole. */
export function wholeValued(data: PlotData, values: number[]): boolean {
  return Boolean(data.integer) && values.every((v) => !Number.isFinite(v) || Number.isInteger(v));
}

/** The value axis of a line or scatter chart: round ends around the data, integer steps for whole values. */
export function valueAxis(values: number[], integer: boolean): { lo: number; hi: number; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const [a, b] = finite.length === 0 ? [0, 1] : [Math.min(...finite), Math.max(...finite)];
  return roundAxis(a, b, 4, integer);
}

/**
 * Tick labels under an axis `width` characters long: a `┬` on the axis line
 * at each tick's column and its label centred below, skipping a label that
 * would overlap the one before.
 */
function xTicks(axis: Axis, width: number, column: (v: number) => number, indent: number): string[] {
  const marks = new Array<string>(width).fill('─');
  let labels = '';
  for (const t of axisTicks(axis, Math.max(2, Math.floor(width / 12)))) {
    const c = column(t);
    if (c < 0 || c >= width) continue;
    marks[c] = '┬';
    const text = axisLabel(axis, t, 4);
    const start = Math.max(0, c - Math.floor(text.length / 2));
    if (start < labels.length + (labels.length > 0 ? 1 : 0)) continue;
    labels = labels.padEnd(start) + text;
  }
  return [`${' '.repeat(indent)} └${marks.join('')}`, `${' '.repeat(indent)}  ${labels}`];
}

/** A line chart of mean z against x, `width` × `height` characters of plot area. */
export function lineChart(data: PlotData, width = 60, height = 14): string {
  const zs = data.mean[0];
  const integer = wholeValued(data, zs);
  const { lo, hi, ticks: yTicks } = valueAxis(zs, integer);
  const [xlo, xhi] = axisSpan(data.x);
  const column = (v: number): number => Math.round(((v - xlo) / (xhi - xlo)) * (width - 1));
  const row = (z: number): number => height - 1 - Math.round(((z - lo) / (hi - lo)) * (height - 1));
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  const dot = (c: number, r: number): void => {
    if (grid[r]?.[c] === ' ') grid[r][c] = '·';
  };
  let prev: [number, number] | undefined;
  data.x.values.forEach((xv, k) => {
    if (!Number.isFinite(zs[k])) return;
    const col = column(xv);
    const r = row(zs[k]);
    if (prev && integer) {
      // A whole-valued outcome jumps: level to halfway, up or down, level again.
      const mid = Math.round((prev[0] + col) / 2);
      for (let c = prev[0] + 1; c <= mid; c++) dot(c, prev[1]);
      for (let s = Math.min(prev[1], r); s <= Math.max(prev[1], r); s++) dot(mid, s);
      for (let c = mid; c < col; c++) dot(c, r);
    } else if (prev) {
      // Join to the previous point with dots, so the shape reads as a line.
      const steps = Math.max(Math.abs(col - prev[0]), Math.abs(r - prev[1]));
      for (let s = 1; s < steps; s++)
        dot(Math.round(prev[0] + ((col - prev[0]) * s) / steps), Math.round(prev[1] + ((r - prev[1]) * s) / steps));
    }
    grid[r][col] = '●';
    prev = [col, r];
  });
  const title = `${data.z} (mean over ${data.rows} rows) against ${data.x.name}${integer ? ' (whole values: steps)' : ''}`;
  return [title, '', ...frame(grid, yTicks, row), ...xTicks(data.x, width, column, labelWidth(yTicks))].join('\n');
}

const labelWidth = (yTicks: number[]): number => Math.max(...yTicks.map((t) => short(t).length));

/** The plot area with a value axis on the left, `┤` and a label at each tick's row. */
function frame(grid: string[][], yTicks: number[], row: (z: number) => number): string[] {
  const label = labelWidth(yTicks);
  const at = new Map(yTicks.map((t) => [row(t), short(t)] as const));
  return grid.map((cells, r) => `${(at.get(r) ?? '').padStart(label)} ${at.has(r) ? '┤' : '│'}${cells.join('')}`);
}

/** Every row as a point: z against x (one input), drawn without joining. */
export function scatterChart(data: PlotData, width = 60, height = 14): string {
  const points = data.points!;
  const integer = wholeValued(data, points.z);
  const { lo, hi, ticks: yTicks } = valueAxis(points.z, integer);
  const [xlo, xhi] = axisSpan(data.x);
  const column = (v: number): number => Math.round(((v - xlo) / (xhi - xlo)) * (width - 1));
  const row = (z: number): number => height - 1 - Math.round(((z - lo) / (hi - lo)) * (height - 1));
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  points.x.forEach((xv, k) => {
    const r = grid[row(points.z[k])];
    if (r && column(xv) >= 0 && column(xv) < width) r[column(xv)] = '●';
  });
  return [
    `${data.z} against ${data.x.name}: every row (${data.rows} rows)`,
    '',
    ...frame(grid, yTicks, row),
    ...xTicks(data.x, width, column, labelWidth(yTicks)),
  ].join('\n');
}

/** The (fractional) cell position of value t on a heatmap axis: bins by span, grid values by interpolation. */
export function cellPosition(axis: Axis, t: number): number {
  const n = axis.values.length;
  if (axis.binned) {
    const [lo, hi] = axisSpan(axis);
    return ((t - lo) / (hi - lo)) * n;
  }
  const v = axis.values;
  if (n === 1) return 0.5;
  let i = 0;
  while (i < n - 2 && t > v[i + 1]) i++;
  return i + 0.5 + (t - v[i]) / (v[i + 1] - v[i]);
}

/** The shade levels of a heatmap: a whole-valued outcome with few values gets one shade per value. */
function shading(values: number[], integer: boolean): { level(v: number): number; legend: string[] } {
  const [lo, hi] = valueRange(values);
  const n = SHADES.length;
  const finite = values.filter(Number.isFinite);
  if (integer && finite.length > 0 && Math.max(...finite) - Math.min(...finite) < n) {
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    return {
      level: (v) => v - min,
      legend: Array.from({ length: max - min + 1 }, (_, k) => `${SHADES[k]} ${min + k}`),
    };
  }
  const edge = (k: number): number => lo + ((hi - lo) * k) / n;
  return {
    level: (v) => Math.min(n - 1, Math.floor(((v - lo) / (hi - lo)) * n)),
    legend: Array.from({ length: n }, (_, k) => `${SHADES[k]} ${short(edge(k))}–${short(edge(k + 1))}`),
  };
}

/** A heatmap of mean z over x (columns, two characters each) and y (rows, high at the top). */
export function heatmap(data: PlotData, title?: string): string {
  const y = data.y!;
  const all = data.mean.flat();
  const integer = wholeValued(data, all);
  const shade = shading(all, integer);
  const cell = (v: number): string => (Number.isFinite(v) ? SHADES[shade.level(v)] : EMPTY_CELL).repeat(2);
  // Rows: every value of a short grid axis; else the rows holding round ticks.
  const labels = new Map<number, string>();
  if (!y.binned && y.values.length <= 24) y.values.forEach((v, j) => labels.set(j, axisLabel(y, v, 3)));
  else {
    for (const t of axisTicks(y, 5)) {
      const j = Math.floor(cellPosition(y, t));
      if (j >= 0 && j <= y.values.length) labels.set(Math.min(j, y.values.length - 1), axisLabel(y, t, 3));
    }
  }
  const label = Math.max(1, ...[...labels.values()].map((s) => s.length));
  const lines: string[] = [];
  for (let j = y.values.length - 1; j >= 0; j--)
    lines.push(
      `${(labels.get(j) ?? '').padStart(label)} ${labels.has(j) ? '┤' : '│'}${data.mean[j].map(cell).join('')}│`,
    );
  const width = data.x.values.length * 2;
  const column = (t: number): number => Math.min(width - 1, Math.floor(cellPosition(data.x, t) * 2));
  const [axisLine, tickLabels] = xTicks(data.x, width, column, label);
  return [
    title ?? `${data.z} (mean over ${data.rows} rows): ${data.x.name} across, ${y.name} up`,
    '',
    ...lines,
    axisLine + '┘',
    tickLabels,
    '',
    `  ${shade.legend.join('  ')}  (blank: no rows)`,
  ].join('\n');
}

/** Every row as a point at (x, y), shaded by z: the mean of the rows in each character cell. */
export function scatterMap(data: PlotData, columns = 30, rows = 20): string {
  const points = data.points!;
  const y = data.y!;
  const [xlo, xhi] = axisSpan(data.x);
  const [ylo, yhi] = axisSpan(y);
  const sum = Array.from({ length: rows }, () => new Float64Array(columns));
  const count = Array.from({ length: rows }, () => new Float64Array(columns));
  points.x.forEach((xv, k) => {
    const i = Math.min(columns - 1, Math.max(0, Math.floor(((xv - xlo) / (xhi - xlo)) * columns)));
    const j = Math.min(rows - 1, Math.max(0, Math.floor(((points.y![k] - ylo) / (yhi - ylo)) * rows)));
    sum[j][i] += points.z[k];
    count[j][i]++;
  });
  const centres = (lo: number, hi: number, n: number): number[] =>
    Array.from({ length: n }, (_, k) => lo + ((k + 0.5) * (hi - lo)) / n);
  return heatmap(
    {
      ...data,
      x: { ...data.x, values: centres(xlo, xhi, columns), range: [xlo, xhi], binned: true },
      y: { ...y, values: centres(ylo, yhi, rows), range: [ylo, yhi], binned: true },
      mean: sum.map((r, j) => Array.from(r, (s, i) => (count[j][i] > 0 ? s / count[j][i] : NaN))),
    },
    `${data.z} at every row (${data.rows} rows; a cell shows the mean of its rows): ${data.x.name} across, ${y.name} up`,
  );
}
