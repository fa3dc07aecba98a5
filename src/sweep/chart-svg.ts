/**
 * SVG charts of plot data: a line chart, a heatmap or a scatter, with axes
 * ticked at round numbers, labels and a colour scale. Self-contained SVG 1.1, no scripts.
 */
import { printableLine } from '../text/printable.js';
import { axisSpan, axisTicks, cellPosition, valueAxis, wholeValued } from './chart-text.js';
import { axisLabel, valueRange, type PlotData } from './plot-data.js';
import { ticks } from './ticks.js';

const W = 640;
const H = 420;
const M = { left: 84, right: 90, top: 40, bottom: 60 };
/** Text from a file (column names) as SVG character data: controls escaped visibly (XML 1.0 forbids most), markup escaped. */
const esc = (s: string): string =>
  printableLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number): string => String(Number(v.toPrecision(4)));

/** Blue (low) to yellow (high) through teal: readable in print and for most colour-blind readers. */
function colour(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(x));
  const f = x - k;
  const c = stops[k].map((v, i) => Math.round(v + (stops[k + 1][i] - v) * f));
  return `rgb(${c.join(',')})`;
}

function frame(title: string, xName: string, yName: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...body,
    `<text x="${M.left + (W - M.left - M.right) / 2}" y="${H - 15}" text-anchor="middle">${esc(xName)}</text>`,
    `<text transform="translate(16 ${M.top + (H - M.top - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yName)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const f1 = (v: number): string => v.toFixed(1);

/** The x axis line, a tick and label at each round number, from `position` (pixels from the left edge). */
function xAxis(data: PlotData, position: (v: number) => number): string[] {
  const out = [`<line x1="${M.left}" y1="${M.top + PH}" x2="${M.left + PW}" y2="${M.top + PH}" stroke="black"/>`];
  for (const t of axisTicks(data.x, 6)) {
    const px = position(t);
    if (px < M.left - 0.5 || px > M.left + PW + 0.5) continue;
    out.push(
      `<line x1="${f1(px)}" y1="${M.top + PH}" x2="${f1(px)}" y2="${M.top + PH + 5}" stroke="black"/>`,
      `<text x="${f1(px)}" y="${M.top + PH + 18}" text-anchor="middle">${esc(axisLabel(data.x, t, 4))}</text>`,
    );
  }
  return out;
}

/** The left axis line with a tick, label and faint grid line at each of `marks` (value, pixel, text). */
function yAxis(marks: [number, string][], grid: boolean): string[] {
  const out = [`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + PH}" stroke="black"/>`];
  for (const [py, text] of marks) {
    if (grid)
      out.push(`<line x1="${M.left}" y1="${f1(py)}" x2="${M.left + PW}" y2="${f1(py)}" stroke="rgb(225,225,225)"/>`);
    out.push(
      `<line x1="${M.left - 5}" y1="${f1(py)}" x2="${M.left}" y2="${f1(py)}" stroke="black"/>`,
      `<text x="${M.left - 8}" y="${f1(py + 4)}" text-anchor="end">${esc(text)}</text>`,
    );
  }
  return out;
}

/** A colour bar for z over [lo, hi] with round ticks; a grey swatch for cells without rows when there are any. */
function colourBar(lo: number, hi: number, integer: boolean, empty: boolean): string[] {
  const x = W - M.right + 16;
  const out = Array.from(
    { length: 40 },
    (_, k) =>
      `<rect x="${x}" y="${f1(M.top + PH - ((k + 1) * PH) / 40)}" width="14" height="${f1(PH / 40 + 0.5)}" fill="${colour((k + 0.5) / 40)}"/>`,
  );
  for (const t of ticks(lo, hi, 5, integer)) {
    const py = M.top + PH - ((t - lo) / (hi - lo || 1)) * PH;
    out.push(
      `<line x1="${x + 14}" y1="${f1(py)}" x2="${x + 18}" y2="${f1(py)}" stroke="black"/>`,
      `<text x="${x + 21}" y="${f1(py + 4)}">${num(t)}</text>`,
    );
  }
  if (empty)
    out.push(
      `<rect x="${x}" y="${M.top + PH + 24}" width="14" height="10" fill="${EMPTY}" stroke="rgb(160,160,160)"/>`,
      `<text x="${x + 18}" y="${M.top + PH + 33}">no rows</text>`,
    );
  return out;
}

/** The fill of a heatmap cell no row fell in: a light grey, unlike any colour of the scale. */
const EMPTY = 'rgb(235,235,235)';

/** A line chart (steps for a whole-valued outcome), a scatter, or a heatmap, as SVG. */
export function chartSvg(data: PlotData): string {
  const [xlo, xhi] = axisSpan(data.x);
  const sx = (v: number): number => M.left + ((v - xlo) / (xhi - xlo)) * PW;
  if (!data.y) {
    const scatter = data.points !== undefined;
    const zs = scatter ? data.points!.z : data.mean[0];
    const xs = scatter ? data.points!.x : data.x.values;
    const integer = wholeValued(data, zs);
    const axis = valueAxis(zs, integer);
    const sy = (v: number): number => M.top + PH - ((v - axis.lo) / (axis.hi - axis.lo)) * PH;
    const points = xs.map((xv, k) => [xv, zs[k]] as const).filter(([, z]) => Number.isFinite(z));
    const body = [
      ...yAxis(
        axis.ticks.map((t) => [sy(t), num(t)]),
        true,
      ),
      ...xAxis(data, sx),
    ];
    if (!scatter && integer && points.length > 0) {
      // Steps: level to halfway between points, then jump.
      const d = [`M${f1(sx(points[0][0]))},${f1(sy(points[0][1]))}`];
      for (let k = 1; k < points.length; k++) {
        const mid = (sx(points[k - 1][0]) + sx(points[k][0])) / 2;
        d.push(`H${f1(mid)}`, `V${f1(sy(points[k][1]))}`, `H${f1(sx(points[k][0]))}`);
      }
      body.push(`<path fill="none" stroke="rgb(59,82,139)" stroke-width="2" d="${d.join(' ')}"/>`);
    } else if (!scatter)
      body.push(
        `<polyline fill="none" stroke="rgb(59,82,139)" stroke-width="2" points="${points.map(([xv, z]) => `${f1(sx(xv))},${f1(sy(z))}`).join(' ')}"/>`,
      );
    body.push(
      ...points.map(
        ([xv, z]) =>
          `<circle cx="${f1(sx(xv))}" cy="${f1(sy(z))}" r="${scatter ? 2 : 2.5}" fill="rgb(59,82,139)"${scatter ? ' fill-opacity="0.5"' : ''}/>`,
      ),
    );
    const title = scatter ? `${data.z} against ${data.x.name}: every row` : `${data.z} (mean) against ${data.x.name}`;
    return frame(title, data.x.name, data.z, body);
  }
  const y = data.y;
  if (data.points) {
    const p = data.points;
    const [ylo, yhi] = axisSpan(y);
    const sy = (v: number): number => M.top + PH - ((v - ylo) / (yhi - ylo)) * PH;
    const [zlo, zhi] = valueRange(p.z);
    return frame(`${data.z} at every row: ${data.x.name} × ${y.name}`, data.x.name, y.name, [
      ...p.x.map(
        (xv, k) =>
          `<circle cx="${f1(sx(xv))}" cy="${f1(sy(p.y![k]))}" r="3" fill="${colour((p.z[k] - zlo) / (zhi - zlo))}"/>`,
      ),
      ...yAxis(
        axisTicks(y, 6).map((t) => [sy(t), axisLabel(y, t, 4)]),
        false,
      ),
      ...xAxis(data, sx),
      ...colourBar(zlo, zhi, wholeValued(data, p.z), false),
    ]);
  }
  const [zlo, zhi] = valueRange(data.mean.flat());
  const nx = data.x.values.length;
  const ny = y.values.length;
  const cw = PW / nx;
  const ch = PH / ny;
  const cells: string[] = [];
  let empty = false;
  data.mean.forEach((row, j) =>
    row.forEach((z, i) => {
      const at = `x="${f1(M.left + i * cw)}" y="${f1(M.top + PH - (j + 1) * ch)}" width="${f1(cw + 0.5)}" height="${f1(ch + 0.5)}"`;
      const where = `${data.x.name}=${axisLabel(data.x, data.x.values[i], 4)}, ${y.name}=${axisLabel(y, y.values[j], 4)}`;
      if (!Number.isFinite(z)) {
        empty = true;
        cells.push(`<rect ${at} fill="${EMPTY}"><title>${esc(`${where}: no rows`)}</title></rect>`);
        return;
      }
      cells.push(
        `<rect ${at} fill="${colour((z - zlo) / (zhi - zlo))}"><title>${esc(`${where}: ${num(z)}`)}</title></rect>`,
      );
    }),
  );
  return frame(`${data.z} (mean): ${data.x.name} × ${y.name}`, data.x.name, y.name, [
    ...cells,
    ...yAxis(
      axisTicks(y, 6)
        .map((t) => [M.top + PH - cellPosition(y, t) * ch, axisLabel(y, t, 4)] as [number, string])
        .filter(([py]) => py >= M.top - 0.5 && py <= M.top + PH + 0.5),
      false,
    ),
    ...xAxis(data, (t) => M.left + cellPosition(data.x, t) * cw),
    ...colourBar(zlo, zhi, wholeValued(data, data.mean.flat()), empty),
  ]);
}

/** One input's Sobol indices with their intervals, for `sobolBarsSvg`. */
export interface SobolBar {
  name: string;
  first: number;
  firstInterval: [number, number];
  total: number;
  totalInterval: [number, number];
}

/**
 * Sobol indices as a bar chart: per input a bar for S1 (dark) and one for ST
 * (light), each with its interval as a whisker, on a 0–1 axis (wider when an
 * estimate or interval leaves [0, 1], which sampling error can make it do).
 */
export function sobolBarsSvg(title: string, bars: readonly SobolBar[]): string {
  const lo = Math.min(0, ...bars.flatMap((b) => [b.first, b.firstInterval[0], b.total, b.totalInterval[0]]));
  const hi = Math.max(1, ...bars.flatMap((b) => [b.first, b.firstInterval[1], b.total, b.totalInterval[1]]));
  const left = 200;
  const width = W - left - 30;
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * width;
  const band = PH / Math.max(1, bars.length);
  const bar = Math.min(18, band / 3);
  const body: string[] = [];
  for (const t of ticks(lo, hi, 6)) {
    const px = x(t);
    body.push(
      `<line x1="${f1(px)}" y1="${M.top}" x2="${f1(px)}" y2="${M.top + PH}" stroke="rgb(225,225,225)"/>`,
      `<text x="${f1(px)}" y="${M.top + PH + 18}" text-anchor="middle">${num(t)}</text>`,
    );
  }
  body.push(`<line x1="${f1(x(0))}" y1="${M.top}" x2="${f1(x(0))}" y2="${M.top + PH}" stroke="black"/>`);
  bars.forEach((b, i) => {
    const y0 = M.top + i * band + band / 2 - bar;
    body.push(`<text x="${left - 8}" y="${f1(y0 + bar + 4)}" text-anchor="end">${esc(b.name)}</text>`);
    const rows: [number, [number, number], string, string][] = [
      [b.first, b.firstInterval, 'rgb(59,82,139)', 'S1'],
      [b.total, b.totalInterval, 'rgb(94,201,98)', 'ST'],
    ];
    rows.forEach(([v, [a, c], fill, label], k) => {
      const y = y0 + k * bar;
      const from = Math.min(x(0), x(v));
      body.push(
        `<rect x="${f1(from)}" y="${f1(y)}" width="${f1(Math.abs(x(v) - x(0)))}" height="${f1(bar - 2)}" fill="${fill}"><title>${label} ${num(v)} [${num(a)}, ${num(c)}]</title></rect>`,
        `<line x1="${f1(x(a))}" y1="${f1(y + bar / 2 - 1)}" x2="${f1(x(c))}" y2="${f1(y + bar / 2 - 1)}" stroke="black"/>`,
      );
    });
  });
  body.push(
    `<rect x="${W - 150}" y="${M.top - 28}" width="12" height="10" fill="rgb(59,82,139)"/><text x="${W - 134}" y="${M.top - 19}">S1 (alone)</text>`,
    `<rect x="${W - 70}" y="${M.top - 28}" width="12" height="10" fill="rgb(94,201,98)"/><text x="${W - 54}" y="${M.top - 19}">ST</text>`,
  );
  return frame(title, 'share of the output variance (whiskers: intervals)', '', body);
}

/**
 * A histogram of one outcome (`summary --svg`): `counts[k]` rows in bin k of
 * `bins` equal bins from `lo` to `hi`, or one bar per whole value when
 * `wholeValues`; the y axis counts rows.
 */
export function histogramSvg(
  title: string,
  outcome: string,
  h: { lo: number; hi: number; bins: number; wholeValues: boolean },
  counts: readonly number[],
): string {
  const top = Math.max(1, ...counts);
  const x = (k: number): number => M.left + (k / h.bins) * PW;
  const y = (c: number): number => M.top + PH - (c / top) * PH;
  const body: string[] = [];
  const yMarks: [number, string][] = ticks(0, top, 5, true).map((t) => [y(t), num(t)]);
  body.push(...yAxis(yMarks, true));
  counts.forEach((c, k) => {
    if (c === 0) return;
    const from = x(k) + 1;
    const edge = h.wholeValues ? h.lo + k : h.lo + ((h.hi - h.lo) * k) / h.bins;
    body.push(
      `<rect x="${f1(from)}" y="${f1(y(c))}" width="${f1(Math.max(1, x(k + 1) - x(k) - 2))}" height="${f1(M.top + PH - y(c))}" fill="rgb(59,82,139)"><title>${num(edge)}: ${c} rows</title></rect>`,
    );
  });
  body.push(`<line x1="${M.left}" y1="${M.top + PH}" x2="${M.left + PW}" y2="${M.top + PH}" stroke="black"/>`);
  const labels = h.wholeValues
    ? Array.from({ length: h.bins }, (_, k) => [x(k + 0.5), num(h.lo + k)] as const)
    : Array.from({ length: h.bins + 1 }, (_, k) => [x(k), num(h.lo + ((h.hi - h.lo) * k) / h.bins)] as const);
  const every = Math.max(1, Math.ceil(labels.length / 11));
  labels.forEach(([px, text], k) => {
    if (k % every !== 0) return;
    body.push(
      `<line x1="${f1(px)}" y1="${M.top + PH}" x2="${f1(px)}" y2="${M.top + PH + 5}" stroke="black"/>`,
      `<text x="${f1(px)}" y="${M.top + PH + 18}" text-anchor="middle">${esc(text)}</text>`,
    );
  });
  return frame(title, outcome, 'rows', body);
}
