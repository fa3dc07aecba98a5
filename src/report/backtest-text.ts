/** Plain-text and Markdown reports of a backtest, and the per-event table both reports share. */
import type { BacktestResult, BacktestRow, MethodPrediction, ModelFitRow } from '../calibrate/backtest.js';
import { fixed, padLeft, padRight, percent } from './format.js';

function observedText(o: BacktestRow['observed']): string {
  return o.absent > 0 ? `${o.signed} of ${o.participants}, ${o.absent} absent` : `${o.signed} of ${o.participants}`;
}

function tallyText(x: number | null): string {
  if (x === null) return '—';
  return Number.isInteger(x) ? String(x) : fixed(x, 1);
}

function meanText(m: MethodPrediction): string {
  return `${fixed(m.mean, 1)} [${m.interval90[0]}, ${m.interval90[1]}]${m.withinInterval ? '' : ' *'}`;
}

function rightText(m: MethodPrediction): string {
  const { correct, total } = m.knownRight;
  return total > 0 ? `${correct}/${total} (${percent(correct / total)})` : '—';
}

function aucText(m: MethodPrediction): string {
  return m.auc === null ? '—' : fixed(m.auc, 2);
}

interface Line {
  event: string;
  observed: string;
  method: string;
  least: string;
  greatest: string;
  mean: string;
  right: string;
  auc: string;
}

function methodLine(method: string, m: MethodPrediction | null): Omit<Line, 'event' | 'observed'> {
  if (!m) return { method, least: '—', greatest: '—', mean: '— (no previous event)', right: '—', auc: '—' };
  return {
    method,
    least: tallyText(m.least),
    greatest: tallyText(m.greatest),
    mean: meanText(m),
    right: rightText(m),
    auc: aucText(m),
  };
}

function eventName(r: { event: string; date?: string }): string {
  return r.date ? `${r.event} (${r.date})` : r.event;
}

function linesOf(rows: readonly BacktestRow[]): Line[] {
  const out: Line[] = [];
  for (const r of rows) {
    out.push({ event: eventName(r), observed: observedText(r.observed), ...methodLine('model', r.model) });
    out.push({ event: '', observed: '', ...methodLine('persistence', r.persistence) });
    out.push({ event: '', observed: '', ...methodLine(`1-attribute: ${r.oneAttribute.attribute}`, r.oneAttribute) });
  }
  return out;
}

const HEADER: Line = {
  event: 'event',
  observed: 'observed',
  method: 'method',
  least: 'least',
  greatest: 'greatest',
  mean: 'QRE mean [90%]',
  right: 'known right',
  auc: 'AUC',
};

function table(lines: readonly Line[]): string[] {
  const all = [HEADER, ...lines];
  const width = (key: keyof Line) => Math.max(...all.map((l) => l[key].length));
  const w = {
    event: width('event'),
    observed: width('observed'),
    method: width('method'),
    least: width('least'),
    greatest: width('greatest'),
    mean: width('mean'),
    right: width('right'),
    auc: width('auc'),
  };
  return all.map((l) =>
    [
      padRight(l.event, w.event),
      padRight(l.observed, w.observed),
      padRight(l.method, w.method),
      padLeft(l.least, w.least),
      padLeft(l.greatest, w.greatest),
      padRight(l.mean, w.mean),
      padRight(l.right, w.right),
      padLeft(l.auc, w.auc),
    ]
      .join('  ')
      .trimEnd(),
  );
}

function markdown(lines: readonly Line[]): string[] {
  const cells = (l: Line) =>
    `| ${[l.event, l.observed, l.method, l.least, l.greatest, l.mean, l.right, l.auc].join(' | ')} |`;
  return [cells(HEADER), '|---|---|---|---:|---:|---|---|---:|', ...lines.map(cells)];
}

function notes(rows: readonly BacktestRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) for (const n of r.notes) out.push(`${r.event}: ${n}`);
  return out;
}

const LEGEND = [
  'observed: signers among those present, of the states that take part (for a UN vote: Yes).',
  'least, greatest: pure-equilibrium tallies of the fitted game, counting an unnamed state as present with',
  'the share of its group that was. QRE mean [90%]: the mean of the observed count under the least logit',
  'QRE at the fitted weights, and the 90% interval of its posterior predictive distribution (the fit and',
  'the choices uncertain; baselines: their probabilities only); * when the observed count lies outside.',
  'known right: states named (or fixed by the counts) whose least-equilibrium action (baselines: P ≥ ½)',
  'matches; AUC of P(sign) over them (— when they all did the same).',
];

export function backtestToText(result: BacktestResult): string {
  const out: string[] = [];
  out.push(
    `Backtest over ${result.events.length} events (${result.events.join(', ')}), ridge ${result.options.ridge}, ${result.options.prior} prior.`,
  );
  out.push('');
  out.push('Held out: each event predicted by a fit to the other events.');
  out.push(...table(linesOf(result.heldOut)).map((l) => `  ${l}`));
  out.push('');
  out.push('In sample: each event predicted by the fit to all events.');
  out.push(...table(linesOf(result.inSample)).map((l) => `  ${l}`));
  out.push('');
  out.push(...LEGEND);
  const held = notes(result.heldOut);
  if (held.length) out.push('', 'Notes (held out):', ...held.map((n) => `  ${n}`));
  return out.join('\n') + '\n';
}

export function backtestToMarkdown(result: BacktestResult): string {
  const out: string[] = [];
  out.push('Held out (each event predicted by a fit to the other events):', '');
  out.push(...markdown(linesOf(result.heldOut)));
  out.push('', 'In sample (the fit to all events):', '');
  out.push(...markdown(linesOf(result.inSample)));
  const held = notes(result.heldOut);
  if (held.length) out.push('', ...held.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}

/** The model's in-sample table (calibrate's panel report). */
export function modelFitTable(rows: readonly ModelFitRow[]): string[] {
  return table(
    rows.map((r) => ({ event: eventName(r), observed: observedText(r.observed), ...methodLine('model', r.model) })),
  );
}
