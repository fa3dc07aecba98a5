/** The plain-text report of a solved scenario (`signatory run`, and `npm start` off a terminal). */
import type { RunResult } from '../analysis/run.js';
import { majorityOf } from '../analysis/run.js';
import { cascadeOf } from '../analysis/cascade.js';
import { cascadeToText } from './cascade-text.js';
import { t } from '../i18n/messages.js';
import { fixed, percent, wrapList, wrapText } from './format.js';

export function tallyLine(signed: number, total: number): string {
  return t('run.tally', { signed, abstain: total - signed, total });
}

export function runToText(run: RunResult, options: { rounds?: boolean } = {}): string {
  const { scenario, equilibria, qre, tally } = run;
  const n = scenario.states.length;
  const out: string[] = [];
  out.push(scenario.name);
  if (scenario.description) out.push(...wrapText(scenario.description));
  out.push('');
  if (scenario.date) out.push(t(scenario.timeline ? 'run.at' : 'run.atUndated', { date: scenario.date }));
  const fixedIds = Object.entries(scenario.fixed);
  if (fixedIds.length) out.push(t('run.heldFixed', { list: fixedIds.map(([id, a]) => `${id}=${a}`).join(', ') }));
  if (equilibria.method === 'monotone')
    out.push(`${tallyLine(equilibria.least.signed, n)}   ${t('run.leastHeadline')}`);
  else if (equilibria.least.found) out.push(`${tallyLine(equilibria.least.signed, n)}   ${t('run.pureHeadline')}`);
  else out.push(t('run.noPure'));
  if (equilibria.method === 'monotone') {
    out.push(
      equilibria.least.signed === equilibria.greatest.signed
        ? t('run.unique', { n: equilibria.least.signed })
        : t('run.range', { lo: equilibria.least.signed, hi: equilibria.greatest.signed }),
    );
  } else {
    out.push(t('run.note', { note: equilibria.note ?? '' }));
    out.push(
      equilibria.greatest.found
        ? t('run.fromAllSign', { tally: tallyLine(equilibria.greatest.signed, n) })
        : t('run.fromAllSignCycles'),
    );
  }
  if (run.allPure) {
    const ids = scenario.states.map((s) => s.id);
    const shown = run.allPure.map((p) => {
      const signers = ids.filter((_, i) => p[i] === 1);
      return signers.length ? `{${signers.join(', ')}}` : t('run.nobodySigns');
    });
    out.push(
      run.allPure.length === 0
        ? t('run.allPureNone')
        : t('run.allPure', { count: run.allPure.length, list: shown.join(' · ') }),
    );
  }
  const qreConverged = qre.least.converged && qre.greatest.converged;
  const branch = qre.method === 'continuation' ? t('run.branch') : '';
  if (qreConverged) {
    out.push(
      t('run.qre', {
        lambda: qre.lambda,
        branch,
        mean: fixed(tally.mean, 1),
        lo: tally.interval90[0],
        hi: tally.interval90[1],
      }),
    );
    out.push(t('run.majority', { k: majorityOf(n), p: percent(run.pMajority, 1) }));
    const greatestMean = qre.greatest.p.reduce((x, y) => x + y, 0);
    if (greatestMean - tally.mean > 0.05) {
      out.push(t('run.secondBranch', { mean: fixed(greatestMean, 1) }));
    }
  } else {
    const residual = Math.max(qre.least.residual, qre.greatest.residual);
    out.push(t('run.qreFailed', { lambda: qre.lambda, branch, residual: residual.toExponential(1) }));
  }
  if (options.rounds) out.push('', ...cascadeToText(cascadeOf(run)));
  const signers = run.states.filter((s) => s.signs);
  const abstainers = run.states.filter((s) => !s.signs);
  const label = (s: (typeof run.states)[number]) => `${s.id}${s.fixed ? '*' : ''}`;
  out.push('');
  if (!equilibria.least.found) out.push(t('run.cycleProfile'));
  out.push(t('run.signList', { count: signers.length }));
  out.push(...(signers.length ? wrapList(signers.map(label)) : [t('run.none')]));
  out.push(t('run.abstainList', { count: abstainers.length }));
  out.push(...(abstainers.length ? wrapList(abstainers.map(label)) : [t('run.none')]));
  if (fixedIds.length) out.push(t('run.heldMark'));
  return out.join('\n') + '\n';
}
