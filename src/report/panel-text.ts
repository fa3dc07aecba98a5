/** Plain-text report of a panel calibration with its identification report. */
import type { ModelFitRow } from '../calibrate/backtest.js';
import type { PanelResult } from '../calibrate/panel.js';
import { modelFitTable } from './backtest-text.js';
import { fixed, padLeft, padRight, signed } from './format.js';

function num(x: number | null, digits = 3): string {
  return x === null ? '—' : Number.isFinite(x) ? fixed(x, digits) : '∞';
}

export function panelToText(r: PanelResult, fitRows: readonly ModelFitRow[]): string {
  const out: string[] = [];
  const members = r.rows - r.choices;
  out.push(
    `Panel calibration over ${r.events.length} event${r.events.length === 1 ? '' : 's'}: pooled pseudo-likelihood of ${r.choices} known choices` +
      (r.groups ? ` and the counts of ${r.groups} unnamed group${r.groups === 1 ? '' : 's'} (${members} states)` : '') +
      '.',
  );
  out.push(
    `Ridge ${r.ridge} per squared standardised unit (one log-odds per standard deviation of a term's values) toward ` +
      `${{ 'equal-effect': 'equal-effect weights', scenario: "the first event's weights", zero: 'zero' }[r.prior]}; an intercept per event kind.`,
  );
  const bounded = r.estimates.filter((e) => e.nonNegative).map((e) => e.id);
  out.push(
    `Kept ≥ 0 (terms with an interaction, for supermodularity): ${bounded.length ? bounded.join(', ') : 'none'}; the others may be negative.`,
  );
  if (!r.converged) out.push('Warning: the optimiser stopped before its tolerance; read the weights with care.');
  out.push('');
  out.push('Events:');
  const label = (e: PanelResult['events'][number]) => e.label;
  const ew = Math.max(5, ...r.events.map((e) => label(e).length));
  out.push(
    `  ${padRight('event', ew)}  ${padRight('kind', 18)}  ${padRight('date', 10)}  ${padLeft('states', 6)}  ${padLeft('signed', 6)}  ${padLeft('not', 4)}  ${padLeft('absent', 6)}  ${padLeft('known', 5)}  ${padLeft('unnamed', 7)}  ${padLeft('log-lik', 8)}`,
  );
  for (const e of r.events) {
    const name = label(e);
    out.push(
      `  ${padRight(name, ew)}  ${padRight(e.kind, 18)}  ${padRight(e.date ?? '—', 10)}  ${padLeft(String(e.participants), 6)}  ${padLeft(String(e.counts.signed), 6)}  ` +
        `${padLeft(String(e.counts.notSigned), 4)}  ${padLeft(String(e.counts.absent), 6)}  ${padLeft(String(e.known), 5)}  ${padLeft(String(e.unnamed), 7)}  ${padLeft(fixed(e.logLikelihood, 2), 8)}`,
    );
  }
  out.push('');
  const lw = Math.max(
    15,
    ...r.estimates.map((e) => e.id.length + 4),
    ...r.intercepts.map((i) => `intercept, ${i.kind}`.length + 1),
  );
  out.push(
    `  ${padRight('term', lw)}${padLeft('weight', 8)}${padLeft('post.sd', 9)}${padLeft('robust', 8)}${padLeft('prior', 8)}${padLeft('prior sd', 9)}${padLeft('shift', 7)}  ${padRight('most correlated', 22)}${padLeft('R² others', 9)}`,
  );
  for (const e of r.estimates) {
    const weight = e.constant ? '—' : e.atBound ? '0' : fixed(e.weight, 3);
    const post = e.constant ? 'constant' : e.atBound ? 'at 0' : num(e.posteriorSd);
    const corr = e.mostCorrelated ? `${e.mostCorrelated.id} ${signed(e.mostCorrelated.r, 3)}` : '—';
    out.push(
      `  ${padRight(e.id + (e.nonNegative ? ' ≥0' : ''), lw)}${padLeft(weight, 8)}${padLeft(post, 9)}${padLeft(num(e.robustSe), 8)}${padLeft(fixed(e.prior, 3), 8)}` +
        `${padLeft(num(e.priorSd), 9)}${padLeft(e.shift === null ? '—' : signed(e.shift, 2), 7)}  ${padRight(corr, 22)}${padLeft(num(e.r2Others), 9)}`,
    );
  }
  for (const i of r.intercepts) {
    out.push(
      `  ${padRight(`intercept, ${i.kind}`, lw)}${padLeft(fixed(i.value, 3), 8)}${padLeft(num(i.posteriorSd), 9)}${padLeft(num(i.robustSe), 8)}   (${i.events} event${i.events === 1 ? '' : 's'}, unpenalised)`,
    );
  }
  out.push('');
  out.push(
    'post.sd: posterior sd (inverse penalised Hessian); robust: sandwich s.e. H⁻¹JH⁻¹ (units: each known choice, each',
    'unnamed group) — far below post.sd, the prior rather than the data sets the weight; shift: (weight − prior) / prior sd;',
    "R² others: of the term's column on all other columns over the panel (near 1: not separately identified).",
  );
  if (r.profile) {
    const p = r.profile;
    out.push('');
    out.push(`Profile likelihood of ${p.term} (the other weights at their posterior mode given it):`);
    out.push(`  ${padLeft('value', 8)}${padLeft('log-lik', 11)}${padLeft('log-post', 11)}`);
    for (const pt of p.points) {
      const marks = [
        pt.value === p.bestByLikelihood ? 'best likelihood' : '',
        pt.value === p.bestByPosterior ? 'best posterior' : '',
      ]
        .filter(Boolean)
        .join(', ');
      out.push(
        `  ${padLeft(fixed(pt.value, 3), 8)}${padLeft(fixed(pt.logLikelihood, 3), 11)}${padLeft(fixed(pt.logPosterior, 3), 11)}${marks ? `  ← ${marks}` : ''}`,
      );
    }
    out.push(
      `  The likelihood prefers ${fixed(p.bestByLikelihood, 3)} (grid values within 1.92 of its best: ${fixed(p.likelihoodInterval[0], 3)} to ${fixed(p.likelihoodInterval[1], 3)});` +
        ` the estimate is ${fixed(p.estimate, 3)}, the prior centre ${fixed(p.prior, 3)}.`,
    );
  }
  out.push('');
  out.push('In sample, the fitted game per event:');
  out.push(...modelFitTable(fitRows).map((l) => `  ${l}`));
  for (const row of fitRows) for (const n of row.notes) out.push(`  ${row.event}: ${n}`);
  out.push('');
  out.push(
    `Log-likelihood ${fixed(r.logLikelihood, 3)}, log posterior ${fixed(r.logPosterior, 3)}, ${r.iterations} Newton steps.`,
  );
  return out.join('\n') + '\n';
}
