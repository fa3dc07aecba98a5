/**
 * SVG charts of plot data: a line chart or a heatmap with axes, labels and
 * a colour scale. Self-contained SVG 1.1, no scripts.
 */
import { printableLine } from '../text/printable.js';
import { axisLabel, valueRange, type PlotData } from './plot-data.js';

const W = 640;
const H = 420;
const M = { left: 70, right: 90, top: 40, bottom: 60 };
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
    `<text transform="translate(18 ${M.top + (H - M.top - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yName)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function chartSvg(data: PlotData): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const [xlo, xhi] = valueRange(data.x.values);
  const sx = (v: number): number => M.left + ((v - xlo) / (xhi - xlo)) * pw;
  const axes = [
    `<line x1="${M.left}" y1="${M.top + ph}" x2="${M.left + pw}" y2="${M.top + ph}" stroke="black"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + ph}" stroke="black"/>`,
    `<text x="${M.left}" y="${M.top + ph + 16}" text-anchor="middle">${axisLabel(data.x, xlo, 4)}</text>`,
    `<text x="${M.left + pw}" y="${M.top + ph + 16}" text-anchor="middle">${axisLabel(data.x, xhi, 4)}</text>`,
  ];
  if (!data.y) {
    const zs = data.mean[0];
    const [lo, hi] = valueRange(zs);
    const sy = (v: number): number => M.top + ph - ((v - lo) / (hi - lo)) * ph;
    const points = data.x.values.map((xv, k) => [xv, zs[k]] as const).filter(([, z]) => Number.isFinite(z));
    return frame(`${data.z} against ${data.x.name}`, data.x.name, data.z, [
      ...axes,
      `<text x="${M.left - 6}" y="${M.top + 4}" text-anchor="end">${num(hi)}</text>`,
      `<text x="${M.left - 6}" y="${M.top + ph + 4}" text-anchor="end">${num(lo)}</text>`,
      `<polyline fill="none" stroke="rgb(59,82,139)" stroke-width="2" points="${points.map(([xv, z]) => `${sx(xv).toFixed(1)},${sy(z).toFixed(1)}`).join(' ')}"/>`,
      ...points.map(
        ([xv, z]) => `<circle cx="${sx(xv).toFixed(1)}" cy="${sy(z).toFixed(1)}" r="2.5" fill="rgb(59,82,139)"/>`,
      ),
    ]);
  }
  const y = data.y;
  const [zlo, zhi] = valueRange(data.mean.flat());
  const cw = pw / data.x.values.length;
  const ch = ph / y.values.length;
  const cells: string[] = [];
  data.mean.forEach((row, j) =>
    row.forEach((z, i) => {
      if (!Number.isFinite(z)) return;
      cells.push(
        `<rect x="${(M.left + i * cw).toFixed(1)}" y="${(M.top + ph - (j + 1) * ch).toFixed(1)}" width="${(cw + 0.5).toFixed(1)}" height="${(ch + 0.5).toFixed(1)}" fill="${colour((z - zlo) / (zhi - zlo))}"><title>${esc(`${data.x.name}=${axisLabel(data.x, data.x.values[i], 4)}, ${y.name}=${axisLabel(y, y.values[j], 4)}: ${num(z)}`)}</title></rect>`,
      );
    }),
  );
  const legend = Array.from(
    { length: 20 },
    (_, k) =>
      `<rect x="${W - M.right + 20}" y="${(M.top + ph - ((k + 1) * ph) / 20).toFixed(1)}" width="16" height="${(ph / 20 + 0.5).toFixed(1)}" fill="${colour((k + 0.5) / 20)}"/>`,
  );
  return frame(`${data.z}: ${data.x.name} × ${y.name}`, data.x.name, y.name, [
    ...cells,
    ...axes,
    `<text x="${M.left - 6}" y="${M.top + 4}" text-anchor="end">${axisLabel(y, y.values[y.values.length - 1], 4)}</text>`,
    `<text x="${M.left - 6}" y="${M.top + ph + 4}" text-anchor="end">${axisLabel(y, y.values[0], 4)}</text>`,
    ...legend,
    `<text x="${W - M.right + 40}" y="${M.top + 4}">${num(zhi)}</text>`,
    `<text x="${W - M.right + 40}" y="${M.top + ph + 4}">${num(zlo)}</text>`,
  ]);
}
