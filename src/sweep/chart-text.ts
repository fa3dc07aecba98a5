/**
 * Terminal charts of plot data: a line chart (one input) or a heatmap (two
 * inputs), in plain characters so they survive logs and pipes.
 */
import { axisLabel, valueRange, type PlotData } from './plot-data.js';

const SHADES = ' ░▒▓█';
const short = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');

/** A line chart of mean z against x, `width` × `height` characters of plot area. */
export function lineChart(data: PlotData, width = 60, height = 14): string {
  const zs = data.mean[0];
  const [lo, hi] = valueRange(zs);
  const [xlo, xhi] = valueRange(data.x.values);
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  let prev: [number, number] | undefined;
  data.x.values.forEach((xv, k) => {
    if (!Number.isFinite(zs[k])) return;
    const col = Math.round(((xv - xlo) / (xhi - xlo)) * (width - 1));
    const row = height - 1 - Math.round(((zs[k] - lo) / (hi - lo)) * (height - 1));
    if (prev) {
      // Join to the previous point with dots, so the shape reads as a line.
      const steps = Math.max(Math.abs(col - prev[0]), Math.abs(row - prev[1]));
      for (let s = 1; s < steps; s++) {
        const c = Math.round(prev[0] + ((col - prev[0]) * s) / steps);
        const r = Math.round(prev[1] + ((row - prev[1]) * s) / steps);
        if (grid[r][c] === ' ') grid[r][c] = '·';
      }
    }
    grid[row][col] = '●';
    prev = [col, row];
  });
  const label = Math.max(short(hi).length, short(lo).length);
  const lines = grid.map(
    (cells, r) => `${(r === 0 ? short(hi) : r === height - 1 ? short(lo) : '').padStart(label)} │${cells.join('')}`,
  );
  lines.push(`${' '.repeat(label)} └${'─'.repeat(width)}`);
  const [left, right] = [axisLabel(data.x, xlo, 3), axisLabel(data.x, xhi, 3)];
  lines.push(`${' '.repeat(label)}  ${left.padEnd(width - right.length)}${right}`);
  return [`${data.z} (mean over ${data.rows} rows) against ${data.x.name}`, '', ...lines].join('\n');
}

/** A heatmap of mean z over x (columns) and y (rows, high at the top). */
export function heatmap(data: PlotData): string {
  const y = data.y!;
  const [lo, hi] = valueRange(data.mean.flat());
  const cell = (v: number): string => {
    if (!Number.isFinite(v)) return '  ';
    const k = Math.min(SHADES.length - 1, Math.floor(((v - lo) / (hi - lo)) * SHADES.length));
    return SHADES[k].repeat(2);
  };
  const label = Math.max(...y.values.map((v) => axisLabel(y, v, 3).length), y.name.length > 12 ? 0 : y.name.length);
  const lines: string[] = [];
  for (let j = y.values.length - 1; j >= 0; j--)
    lines.push(`${axisLabel(y, y.values[j], 3).padStart(label)} │${data.mean[j].map(cell).join('')}│`);
  const width = data.x.values.length * 2;
  lines.push(`${' '.repeat(label)} └${'─'.repeat(width)}┘`);
  const xlo = axisLabel(data.x, data.x.values[0], 3);
  const xhi = axisLabel(data.x, data.x.values[data.x.values.length - 1], 3);
  lines.push(`${' '.repeat(label)}  ${xlo.padEnd(Math.max(xlo.length + 1, width - xhi.length))}${xhi}`);
  return [
    `${data.z} (mean over ${data.rows} rows): ${data.x.name} across, ${y.name} up`,
    '',
    ...lines,
    '',
    `  ${[...SHADES].map((s, k) => `${s === ' ' ? '·' : s} ${short(lo + ((hi - lo) * k) / SHADES.length)}`).join('  ')} … ${short(hi)}`,
  ].join('\n');
}
