/**
 * The handout's charts as inline SVG (no scripts, no external references):
 * the distribution of the tally and a state's terms, each a bar. Text from
 * a scenario is escaped twice: controls visibly (src/text/printable.ts),
 * then markup. Pure: data in, SVG text out.
 */
import { t as tr } from '../i18n/messages.js';
import { printableLine } from '../text/printable.js';
import { percent, signed } from './format.js';
import { ticks } from '../sweep/ticks.js';

/** Text from a file as XML character data or an attribute value. */
export function escapeXml(s: string): string {
  return printableLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const f1 = (v: number): string => v.toFixed(1);
/** Colours readable in print and by most colour-blind readers: blue for signing, orange for abstaining. */
export const SIGN_COLOUR = '#2c6fb0';
export const ABSTAIN_COLOUR = '#d9722b';

function svgOpen(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
}

export interface TallyChart {
  /** pmf[k] = P(k signers). */
  pmf: ArrayLike<number>;
  least: number;
  greatest: number;
  majority: number;
  interval90: readonly [number, number];
}

/**
 * The tally distribution as bars over the number of signers, the 90%
 * interval darker, with marks at the least and greatest equilibria and the
 * majority. The x axis covers the k with P ≥ 0.0005 and the marks.
 */
export function tallySvg(t: TallyChart): string {
  const W = 640;
  const H = 260;
  const M = { left: 50, right: 20, top: 34, bottom: 44 };
  const n = t.pmf.length - 1;
  let lo = n;
  let hi = 0;
  for (let k = 0; k <= n; k++)
    if (t.pmf[k] >= 5e-4) {
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
    }
  lo = Math.max(0, Math.min(lo, t.least, t.greatest, t.majority) - 2);
  hi = Math.min(n, Math.max(hi, t.least, t.greatest, t.majority) + 2);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const slot = pw / (hi - lo + 1);
  let top = 0;
  for (let k = lo; k <= hi; k++) top = Math.max(top, t.pmf[k]);
  const yTicks = ticks(0, Math.max(top, 1e-9), 4);
  const yMax = Math.max(top, yTicks.at(-1)!) || 1;
  // Percent labels with as many decimals as the step needs (5%, 10%, not 5.0%, 10.0%).
  const digits = yTicks.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9) ? 0 : 1;
  const x = (k: number) => M.left + (k - lo) * slot;
  const y = (p: number) => M.top + ph - (p / yMax) * ph;
  const out = svgOpen(W, H, tr('svg.tallyLabel'));
  out.push(`<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(tr('svg.tallyTitle'))}</text>`);
  for (const v of yTicks) {
    out.push(
      `<line x1="${M.left}" y1="${f1(y(v))}" x2="${M.left + pw}" y2="${f1(y(v))}" stroke="#e2e2e2"/>`,
      `<text x="${M.left - 6}" y="${f1(y(v) + 4)}" text-anchor="end">${percent(v, digits)}</text>`,
    );
  }
  for (let k = lo; k <= hi; k++) {
    const p = t.pmf[k];
    if (p <= 0) continue;
    const inside = k >= t.interval90[0] && k <= t.interval90[1];
    out.push(
      `<rect x="${f1(x(k) + 0.1 * slot)}" y="${f1(y(p))}" width="${f1(0.8 * slot)}" height="${f1(M.top + ph - y(p))}" fill="${inside ? SIGN_COLOUR : '#9fbfdf'}"/>`,
    );
  }
  out.push(`<line x1="${M.left}" y1="${M.top + ph}" x2="${M.left + pw}" y2="${M.top + ph}" stroke="black"/>`);
  for (const k of ticks(lo, hi, 10, true)) {
    const cx = x(k) + slot / 2;
    out.push(
      `<line x1="${f1(cx)}" y1="${M.top + ph}" x2="${f1(cx)}" y2="${M.top + ph + 4}" stroke="black"/>`,
      `<text x="${f1(cx)}" y="${M.top + ph + 16}" text-anchor="middle">${k}</text>`,
    );
  }
  out.push(`<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">${escapeXml(tr('svg.tallyAxis'))}</text>`);
  const mark = (k: number, label: string, colour: string, dy: number, dash: string) => {
    const cx = x(k) + slot / 2;
    out.push(
      `<line x1="${f1(cx)}" y1="${M.top - 4}" x2="${f1(cx)}" y2="${M.top + ph}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${dash}"/>`,
      `<text x="${f1(cx + 3)}" y="${M.top + 6 + dy}" fill="${colour}" font-size="11" stroke="white" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`,
    );
  };
  mark(t.majority, tr('svg.majority', { k: t.majority }), '#444444', 0, '2 3');
  if (t.least === t.greatest) mark(t.least, tr('svg.equilibrium', { k: t.least }), ABSTAIN_COLOUR, 14, '6 3');
  else {
    mark(t.least, tr('svg.least', { k: t.least }), ABSTAIN_COLOUR, 14, '6 3');
    mark(t.greatest, tr('svg.greatest', { k: t.greatest }), ABSTAIN_COLOUR, 28, '6 3');
  }
  out.push('</svg>');
  return out.join('\n');
}

export interface TermBar {
  id: string;
  value: number;
}

/** Longest label drawn beside a bar (a custom term's id may be longer). */
const LABEL_MAX = 22;

/**
 * A state's net gain of signing term by term: one bar per term from zero,
 * blue to the right (toward signing), orange to the left (toward
 * abstaining), and the sum Δ last.
 */
export function termsSvg(title: string, terms: readonly TermBar[], delta: number): string {
  const W = 640;
  const row = 20;
  const M = { left: 170, right: 70, top: 46, bottom: 12 };
  const rows = [...terms, { id: 'Δ (sum)', value: delta }];
  const H = M.top + rows.length * row + M.bottom;
  const max = Math.max(1e-9, ...rows.map((r) => Math.abs(r.value)));
  const pw = W - M.left - M.right;
  const zero = M.left + pw / 2;
  // Room for the value's text beside the longest bar.
  const scale = (pw / 2 - 50) / max;
  const out = svgOpen(W, H, title);
  out.push(`<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(title)}</text>`);
  rows.forEach((r, k) => {
    const y0 = M.top + k * row;
    const last = k === rows.length - 1;
    const width = Math.abs(r.value) * scale;
    const left = r.value >= 0 ? zero : zero - width;
    const colour = last ? '#333333' : r.value >= 0 ? SIGN_COLOUR : ABSTAIN_COLOUR;
    const label = r.id.length > LABEL_MAX ? `${r.id.slice(0, LABEL_MAX - 1)}…` : r.id;
    if (last) out.push(`<line x1="${M.left - 160}" y1="${y0}" x2="${W - 10}" y2="${y0}" stroke="#bbbbbb"/>`);
    out.push(
      `<text x="${M.left - 8}" y="${y0 + 14}" text-anchor="end"${last ? ' font-weight="bold"' : ''}>${escapeXml(label)}</text>`,
      `<rect x="${f1(left)}" y="${y0 + 3}" width="${f1(Math.max(width, 0.5))}" height="${row - 6}" fill="${colour}"/>`,
      `<text x="${f1(r.value >= 0 ? left + width + 4 : left - 4)}" y="${y0 + 14}" text-anchor="${r.value >= 0 ? 'start' : 'end'}" font-size="11">${signed(r.value, 3)}</text>`,
    );
  });
  out.push(
    `<line x1="${f1(zero)}" y1="${M.top - 4}" x2="${f1(zero)}" y2="${H - M.bottom + 2}" stroke="black"/>`,
    `<text x="${f1(zero - 6)}" y="${M.top - 8}" text-anchor="end" font-size="11" fill="${ABSTAIN_COLOUR}">← toward abstaining</text>`,
    `<text x="${f1(zero + 6)}" y="${M.top - 8}" font-size="11" fill="${SIGN_COLOUR}">toward signing →</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}
